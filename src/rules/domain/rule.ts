/** The IT-säkerhetsinstruktion Användare as data: five areas, each with its rules. */

export const AREA_IDS = [
  'informationsklassning',
  'distansarbete',
  'incidenthantering',
  'sakerhetskopiering',
  'epost-internet',
] as const;

export type AreaId = (typeof AREA_IDS)[number];

/** The Swedish titles are part of docs/contracts.md: answers name their area by exactly these. */
export const AREA_TITLES: Record<AreaId, string> = {
  informationsklassning: 'Informationsklassning',
  distansarbete: 'Distansarbete',
  incidenthantering: 'IT-incidenthantering',
  sakerhetskopiering: 'Säkerhetskopiering och lagring',
  'epost-internet': 'E-post och användning av Internet',
};

export function isAreaId(value: string): value is AreaId {
  return (AREA_IDS as readonly string[]).includes(value);
}

export interface Area {
  id: AreaId;
  title: string;
  /** Section number in the instruction, e.g. "3". */
  section: string;
  description: string;
  /** Where the area was read from, for messages to the coordinator. */
  file: string;
}

export interface Rule {
  /** Stable id, e.g. "IH-03"; questions and feedback refer to it. */
  id: string;
  area: AreaId;
  title: string;
  /** Markdown as the coordinator wrote it (paragraphs and "- " lists). */
  text: string;
  keywords: string[];
  synonyms: string[];
  reference: string;
  /** Ids of rules the coordinator lists under "Se även". */
  seeAlso: string[];
  file: string;
  line: number;
}

export interface KnowledgeBase {
  /** In the instruction's order. */
  areas: Area[];
  /** In file order, area by area. */
  rules: Rule[];
  area(id: AreaId): Area;
  rule(id: string): Rule | undefined;
  rulesOf(area: AreaId): Rule[];
}

export function createKnowledgeBase(areas: Area[], rules: Rule[]): KnowledgeBase {
  const byArea = new Map(areas.map((a) => [a.id, a]));
  const byId = new Map(rules.map((r) => [r.id, r]));
  const ordered = AREA_IDS.flatMap((id) => {
    const area = byArea.get(id);
    return area ? [area] : [];
  });
  return {
    areas: ordered,
    rules: ordered.flatMap((a) => rules.filter((r) => r.area === a.id)),
    area(id) {
      const area = byArea.get(id);
      if (!area) throw new Error(`Unknown area ${id}`);
      return area;
    },
    rule: (id) => byId.get(id),
    rulesOf: (area) => rules.filter((r) => r.area === area),
  };
}
