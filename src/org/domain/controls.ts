import { addCalendarMonths, parseDate } from '../../platform/calendar.js';
import type { Control, Organisation } from './org.js';

/**
 * One control as it is done: a control of the organisation file for one system (or for
 * the whole organisation), with the person who does it. A control with `eachSystem` is
 * one instance per system, `<control id>:<system id>`, done by each system's owner.
 */
export interface ControlInstance {
  id: string;
  control: Control;
  systemId: string | null;
  responsibleId: string;
}

export function controlInstances(org: Organisation): ControlInstance[] {
  const systems = new Map(org.systems.map((s) => [s.id, s]));
  return (org.controls ?? []).flatMap((control): ControlInstance[] => {
    if (control.eachSystem)
      return org.systems.map((s) => ({
        id: `${control.id}:${s.id}`,
        control,
        systemId: s.id,
        responsibleId: control.responsible ?? s.owner,
      }));
    const system = control.system ? systems.get(control.system) : undefined;
    const responsibleId = control.responsible ?? system?.owner;
    if (!responsibleId) return [];
    return [{ id: control.id, control, systemId: system?.id ?? null, responsibleId }];
  });
}

export function controlInstanceById(org: Organisation, id: string): ControlInstance | undefined {
  return controlInstances(org).find((c) => c.id === id);
}

/** The due dates of a control from `from` to `to` (YYYY-MM-DD, both inclusive), in order. */
export function controlDueDates(control: Control, from: string, to: string): string[] {
  const first = parseDate(control.firstDue);
  if (!first) return [];
  const out: string[] = [];
  // Each date from the first one, not from the one before: 31 January stays the 31st.
  for (let k = 0; k < 10_000; k++) {
    const due = addCalendarMonths(first, k * control.everyMonths).toString();
    if (due > to) break;
    if (due >= from) out.push(due);
  }
  return out;
}

/** Whether `date` is one of the control's due dates. */
export function isControlDueDate(control: Control, date: string): boolean {
  return controlDueDates(control, date, date).length === 1;
}
