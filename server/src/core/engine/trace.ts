// Explanation traces are worded only when someone reads them (hover, --explain): the engine
// records each step as a thunk, so assessing a large cohort does not build thousands of strings.
import type { Explanation } from "./types";

export type Step = () => Explanation;

export class Trace {
  private readonly steps: Step[] = [];
  private worded: Explanation[] | null = null;

  add(rule: string, text: () => string): void {
    this.push(() => ({ rule, text: text() }));
  }

  push(...steps: Step[]): void {
    this.steps.push(...steps);
    this.worded = null;
  }

  insert(index: number, step: Step): void {
    this.steps.splice(index, 0, step);
    this.worded = null;
  }

  get length(): number {
    return this.steps.length;
  }

  list(): Explanation[] {
    if (this.worded === null) this.worded = this.steps.map((s) => s());
    return this.worded;
  }
}

/**
 * A time point whose `explanation` is worded on first read. A prototype getter keeps every time
 * point the same shape (defining a property per object would be slow on large cohorts).
 */
export class TracedTimepoint {
  constructor(private readonly trace: Trace) {}

  get explanation(): Explanation[] {
    return this.trace.list();
  }

  /** Keeps the worded trace when the object is serialised (e.g. sent to a client as is). */
  toJSON(): Record<string, unknown> {
    const { trace, ...fields } = this as unknown as Record<string, unknown>;
    void trace;
    return { ...fields, explanation: this.explanation };
  }
}
