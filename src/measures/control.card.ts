import type { ControlInstance, OrgDirectory } from '../org/index.js';
import { localParts } from '../platform/calendar.js';
import { renderCardJson, userText, type CardJson, type Notice } from '../platform/teams/render.js';
import { mayAnswer, type ControlResult } from './domain/control.js';
import type { MeasureStrings } from './measure.strings.js';

export interface ControlView {
  instance: ControlInstance;
  dueDate: string;
  result: ControlResult | undefined;
  viewerAadObjectId: string;
  refreshUserIds: string[];
  notice?: Notice;
}

/** One due date of a recurring control; the responsible person answers it on the card. */
export function controlCard(
  strings: MeasureStrings,
  org: OrgDirectory,
  view: ControlView,
): CardJson {
  const { instance, result } = view;
  const s = strings.control;
  const tz = org.organisation.timezone;
  const system = instance.systemId ? org.systemById(instance.systemId) : undefined;
  const document = org.documentById(instance.control.instruction);
  const facts = [
    { title: s.system, value: userText(system?.name ?? s.wholeOrganisation) },
    {
      title: s.instruction,
      value: userText(
        `${document?.title ?? instance.control.instruction} · ${instance.control.area}`,
      ),
    },
    {
      title: s.responsible,
      value: userText(org.personById(instance.responsibleId)?.name ?? instance.responsibleId),
    },
    { title: s.dueDate, value: view.dueDate },
  ];
  const answeredOn = result ? localParts(result.answeredAt, tz).date : '';
  return renderCardJson('measures/control', {
    controlId: instance.id,
    dueDate: view.dueDate,
    refreshUserIds: view.refreshUserIds,
    notice: view.notice?.text ?? '',
    noticeStyle: view.notice?.style ?? 'emphasis',
    kind: s.kind,
    title: userText(instance.control.title),
    facts,
    whatHeading: s.what,
    what: userText(instance.control.what),
    answered: result
      ? userText(
          result.outcome === 'ok'
            ? s.answeredOk(result.answeredByName, answeredOn)
            : s.answeredDeviation(result.answeredByName, answeredOn),
        )
      : '',
    description: result?.description ? userText(result.description) : '',
    measureId: result?.measureId ?? '',
    openMeasure: s.openMeasure,
    canAnswer: !result && mayAnswer(instance, view.viewerAadObjectId, org),
    ok: s.ok,
    deviation: s.deviation,
    deviationLabel: s.deviationLabel,
    descriptionRequired: s.descriptionRequired,
    sendDeviation: s.sendDeviation,
  });
}
