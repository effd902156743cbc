import type { ReminderStrings } from './reminder.strings.js';
import { toCsv } from '../platform/csv.js';
import type { FollowUpReport } from './domain/follow-up-report.js';

/** The annual follow-up report as Markdown and CSV, for the minutes and for spreadsheets. */

export interface ReportLabels {
  category: (id: string) => string;
  approvalType: (id: string) => string;
  reportKind: (id: string) => string;
  measureOrigin: (id: string) => string;
}

/** Markdown table cells: pipes and line breaks would break the table. */
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

export function reportToMarkdown(
  report: FollowUpReport,
  s: ReminderStrings,
  labels: ReportLabels,
): string {
  const r = s.report;
  const out: string[] = [
    `# ${r.heading(report.year)}`,
    '',
    r.subtitle(report.organisation, report.date),
    '',
  ];
  const f = s.goal.facts;
  out.push(`## ${r.goals}`, '');
  if (report.goals.length === 0) out.push(r.noGoals, '');
  else {
    out.push(
      `| ${s.goalList.heading(report.year)} | ${f.deadline} | ${f.responsible} | ${f.latest} |`,
    );
    out.push('| --- | --- | --- | --- |');
    for (const g of report.goals) {
      const status = g.status ? s.goalStatuses[g.status] : s.noStatus;
      const comment = g.comment ? ` – ${g.comment}` : '';
      out.push(
        `| ${cell(g.title)} | ${g.deadline} | ${cell(g.responsible)} | ${cell(status + comment)} |`,
      );
    }
    out.push('');
  }
  out.push(`## ${r.revisionsDone}`, '');
  if (report.revisions.done.length === 0) out.push(r.noRevisionsDone);
  for (const d of report.revisions.done) out.push(`- ${d.title}: ${r.approvedOn(d.approvedAt)}`);
  out.push('', `## ${r.revisionsOverdue}`, '');
  if (report.revisions.overdue.length === 0) out.push(r.noRevisionsOverdue);
  for (const d of report.revisions.overdue)
    out.push(`- ${d.title}: ${r.dueOn(d.dueDate, d.owner)}`);
  out.push('', `## ${r.threatReviews}`, '');
  if (report.threatReviews.length === 0) out.push(r.noThreatSystems);
  for (const t of report.threatReviews)
    out.push(
      `- ${t.system}: ${t.confirmedAt ? r.lastReviewed(t.confirmedAt.toISOString().slice(0, 10)) : r.notReviewed}`,
    );
  out.push('', `## ${r.incidents}`, '');
  const withIncidents = report.incidents.filter((i) => i.total > 0);
  if (withIncidents.length === 0) out.push(r.noIncidents);
  else {
    out.push(`| | ${r.months.join(' | ')} | Σ |`);
    out.push(`| --- |${' ---: |'.repeat(13)}`);
    for (const i of withIncidents)
      out.push(`| ${cell(labels.category(i.category))} | ${i.perMonth.join(' | ')} | ${i.total} |`);
  }
  out.push('', `## ${r.notReported}`, '');
  if (report.notReported.length === 0) out.push(r.noNotReported);
  else {
    out.push(`| ${r.notReportedColumns.join(' | ')} |`);
    out.push(`|${' --- |'.repeat(r.notReportedColumns.length)}`);
    for (const c of report.notReported)
      out.push(
        `| ${c.number} | ${cell(labels.reportKind(c.kind))} | ${cell(c.decidedBy)} | ${c.decidedOn} | ${cell(c.reason)} |`,
      );
  }
  out.push('', `## ${r.approvals}`, '');
  if (report.approvals.length === 0) out.push(r.noApprovals);
  for (const a of report.approvals)
    out.push(`- ${labels.approvalType(a.type)}: ${r.approvalCounts(a.approved, a.rejected)}`);
  out.push('', `## ${r.measures}`, '');
  if (report.measures.byOrigin.length === 0) out.push(r.noMeasures);
  for (const m of report.measures.byOrigin)
    out.push(
      `- ${labels.measureOrigin(m.origin)}: ${r.measureCounts(m.decided, m.done, m.overdue, m.medianLeadDays)}`,
    );
  out.push('', `## ${r.measuresOverdue}`, '');
  if (report.measures.overdue.length === 0) out.push(r.noMeasuresOverdue);
  for (const m of report.measures.overdue)
    out.push(`- ${m.title}: ${r.measureDue(m.dueDate, m.owner)}`);
  out.push('', `## ${r.exceptionsEnded}`, '');
  if (report.exceptionsEnded.length === 0) out.push(r.noExceptionsEnded);
  for (const e of report.exceptionsEnded)
    out.push(`- ${e.title}: ${r.exceptionEnded(e.validUntil, e.owner)}`);
  out.push('', `## ${r.controls}`, '');
  if (report.controls.length === 0) out.push(r.noControls);
  for (const c of report.controls)
    out.push(
      `- ${c.title} · ${c.system || r.wholeOrganisation} (${c.instruction} · ${c.area}): ${r.controlCounts(c.due, c.done, c.deviations)}`,
    );
  out.push('', `## ${r.awareness}`, '');
  if (!report.awareness) out.push(r.noAwareness);
  else {
    const { campaign, acknowledged, recipients } = report.awareness;
    out.push(`- ${campaign}: ${r.awarenessShare(acknowledged, recipients)}`);
  }
  out.push('');
  return out.join('\n');
}

export function reportToCsv(
  report: FollowUpReport,
  s: ReminderStrings,
  labels: ReportLabels,
): string {
  const r = s.report;
  const c = r.csvSections;
  const rows: (string | number)[][] = [r.csvHeader];
  for (const g of report.goals)
    rows.push([
      c.goal,
      g.title,
      g.status ? s.goalStatuses[g.status] : s.noStatus,
      g.deadline,
      g.responsible,
      '',
    ]);
  for (const d of report.revisions.done)
    rows.push([c.revisionDone, d.title, '', d.approvedAt, '', '']);
  for (const d of report.revisions.overdue)
    rows.push([c.revisionOverdue, d.title, '', d.dueDate, d.owner, '']);
  for (const t of report.threatReviews)
    rows.push([
      c.threatReview,
      t.system,
      t.confirmedAt ? '' : r.notReviewed,
      t.confirmedAt ? t.confirmedAt.toISOString().slice(0, 10) : '',
      '',
      '',
    ]);
  for (const i of report.incidents)
    i.perMonth.forEach((n, month) => {
      if (n > 0)
        rows.push([
          c.incidents,
          labels.category(i.category),
          '',
          `${report.year}-${String(month + 1).padStart(2, '0')}`,
          '',
          n,
        ]);
    });
  for (const n of report.notReported)
    rows.push([
      c.notReported,
      `${n.number} ${labels.reportKind(n.kind)}`,
      n.reason,
      n.decidedOn,
      n.decidedBy,
      '',
    ]);
  for (const a of report.approvals) {
    rows.push([c.approvals, labels.approvalType(a.type), 'approved', '', '', a.approved]);
    rows.push([c.approvals, labels.approvalType(a.type), 'rejected', '', '', a.rejected]);
  }
  for (const m of report.measures.byOrigin) {
    const origin = labels.measureOrigin(m.origin);
    rows.push([c.measures, origin, 'decided', '', '', m.decided]);
    rows.push([c.measures, origin, 'done', '', '', m.done]);
    rows.push([c.measures, origin, 'overdue', '', '', m.overdue]);
    if (m.medianLeadDays !== null)
      rows.push([c.measures, origin, 'median-days-to-done', '', '', m.medianLeadDays]);
  }
  for (const m of report.measures.overdue)
    rows.push([c.measureOverdue, m.title, '', m.dueDate, m.owner, '']);
  for (const e of report.exceptionsEnded)
    rows.push([c.exceptionEnded, e.title, '', e.validUntil, e.owner, '']);
  for (const k of report.controls) {
    const item = `${k.title} · ${k.system || r.wholeOrganisation} (${k.instruction} · ${k.area})`;
    rows.push([c.control, item, 'due', '', '', k.due]);
    rows.push([c.control, item, 'done', '', '', k.done]);
    rows.push([c.control, item, 'deviations', '', '', k.deviations]);
  }
  if (report.awareness) {
    const { campaign, acknowledged, recipients } = report.awareness;
    rows.push([c.awareness, campaign, 'recipients', campaign, '', recipients]);
    rows.push([c.awareness, campaign, 'acknowledged', campaign, '', acknowledged]);
  }
  return toCsv(rows);
}
