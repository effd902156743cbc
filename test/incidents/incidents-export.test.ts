import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromRoot } from '../../src/platform/paths.js';
import { incidents as incidentsTool } from '../../scripts/incidents.js';
import { people } from '../support/activities.js';
import { captureIo, npmScript, type CliResult } from '../support/cli-io.js';
import { engines } from '../support/engines.js';
import { phishingForm } from '../support/incident-samples.js';
import { useTestApp } from '../support/test-app.js';

const { lars, anna, erik } = people;

/** 2026-11-30 10:00 in Stockholm. */
const clock = { now: () => new Date('2026-11-30T09:00:00Z') };

interface Exported {
  organisation: string;
  year: number;
  incidents: {
    number: string;
    reportedAt: string;
    discoveredAt: string;
    category: string;
    severity: string;
    personalData: string;
    system: { id: string; name: string } | null;
    title: string;
    reports: {
      kind: string;
      dueAt: string;
      status: string;
      decidedBy: string | null;
      reason: string | null;
    }[];
  }[];
}

for (const engine of engines) {
  describe(`npm run incidents -- export (${engine.name})`, () => {
    const app = useTestApp({ engine, clock, introduce: [lars, anna, erik] });

    async function tool(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
      const io = captureIo();
      const code = await incidentsTool(args, {
        ...io,
        env: { DATABASE_URL: app().database.url, LOG_LEVEL: 'info', ...env },
      });
      return io.result(code);
    }

    async function report(who: typeof anna, values: Record<string, string>) {
      const [form] = await app().as(who).say('incident');
      await app().as(who).click(form!, 'Skicka rapporten', values);
      return (await app().query.incidentsOf(who)).at(-1)!;
    }

    it('exports the year as stored: every incident, its clocks and each call with who made it and why', async () => {
      const phishing = await report(anna, phishingForm);
      const breach = await report(erik, {
        ...phishingForm,
        title: '=HYPERLINK("https://evil.example","klicka")',
        system: 'vard',
        personalData: 'ja',
        severity: 'hog',
      });
      const reason = 'Listan var krypterad; osannolikt att den medför risk.';
      await app().invoke(lars, 'incident.report', {
        incidentId: breach.id,
        version: breach.version,
        kind: 'imy',
        status: 'not-required',
        'reason-imy': reason,
      });

      const json = await tool(['export', '--year', '2026', '--format', 'json']);
      expect(json.code).toBe(0);
      const exported = JSON.parse(json.stdout) as Exported;
      expect(exported.year).toBe(2026);
      const stored = [phishing, (await app().query.incident(breach.id))!];
      expect(exported.incidents.map((i) => i.number)).toEqual(stored.map((i) => i.number));
      for (const [i, incident] of exported.incidents.entries()) {
        expect(incident.severity).toBe(stored[i]!.severity);
        const clocks = (reports: { kind: string; status: string; dueAt: string }[]) =>
          reports.map((r) => [r.kind, r.status, r.dueAt]).sort();
        expect(clocks(incident.reports)).toEqual(clocks(stored[i]!.reports));
        // In the order they fall due.
        const due = incident.reports.map((r) => r.dueAt);
        expect(due).toEqual([...due].sort());
      }
      const imy = exported.incidents[1]!.reports.find((r) => r.kind === 'imy')!;
      expect(imy).toMatchObject({ status: 'not-required', decidedBy: 'Lars Berg', reason });
      expect(exported.incidents[1]!.system).toEqual({ id: 'vard', name: expect.any(String) });
      // The reporters are not in it: the authority gets the incident, not who wrote it.
      expect(json.stdout).not.toContain('Anna Andersson');
      expect(json.stdout).not.toContain(anna.aadObjectId);

      const csv = await tool(['export', '--year', '2026']);
      expect(csv.code).toBe(0);
      const lines = csv.stdout.trimEnd().split('\r\n');
      expect(lines[0]).toMatch(/^Nummer,Rapporterad,Upptäckt,/);
      // One line per report clock; the phishing report has none.
      const breachReports = exported.incidents[1]!.reports.length;
      expect(lines).toHaveLength(1 + 1 + breachReports);
      expect(lines[1]).toContain(`${phishing.number},2026-11-30 10:00,2026-11-30 09:30`);
      expect(lines[1]).toContain('Nätfiske (phishing)');
      const imyLine = lines.find((l) => l.includes('Anmälan till IMY'))!;
      expect(imyLine).toContain('Krävs inte');
      expect(imyLine).toContain(`Lars Berg,2026-11-30 10:00,"${reason}"`);
      // A title a spreadsheet would run as a formula is written as text.
      expect(imyLine).toContain(`"'=HYPERLINK(""https://evil.example"",""klicka"")"`);

      // The authorities as the organisation file names them (they were renamed before).
      const renamed = path.join(mkdtempSync(path.join(tmpdir(), 'itsak-org-')), 'org.yaml');
      writeFileSync(
        renamed,
        readFileSync(fromRoot('config', 'org.example.yaml'), 'utf8') +
          '\nauthorities:\n  csirt: CERT-SE (MCF)\n  dataProtection: Integritetsskyddsmyndigheten\n',
      );
      const named = await tool(['export', '--year', '2026'], { ORG_FILE: renamed });
      expect(named.stdout).toContain('Tidig varning till CERT-SE (MCF), 24 timmar');
      expect(named.stdout).toContain('Anmälan till Integritetsskyddsmyndigheten');
      expect(named.stdout).not.toContain('CSIRT (MCF)');

      expect(
        JSON.parse((await tool(['export', '--year', '2025', '--format', 'json'])).stdout),
      ).toMatchObject({
        year: 2025,
        incidents: [],
      });
    });

    it('exits with 64 and its usage on a wrong command or option, and prints nothing on stdout', async () => {
      for (const args of [
        [],
        ['list'],
        ['export'],
        ['export', '--year', '26'],
        ['export', '--year', '2026', '--format', 'xml'],
        ['export', '--year', '2026', '--lang', 'de'],
        ['export', '--year', '2026', '--bogus'],
        ['export', '--year'],
      ]) {
        const result = await tool(args);
        expect(result.code, args.join(' ')).toBe(64);
        expect(result.stdout).toBe('');
        expect(result.stderr).not.toMatch(/\n\s+at /);
      }
      expect(npmScript('incidents')).toBe('tsx scripts/incidents.ts');
    });
  });
}
