// Test-only seams for issue 10, item 7 (errors inside the engine are contained): a check family
// that throws, registered the way production families are, and a way to make one exported
// engine function throw for a while. Production code has no hook for either.
import { structuralChecks } from "../../server/src/core/check";
import type { StructuralChecks } from "../../server/src/core/check/registry";

/** A family whose Lesion check throws on lesion ids in `ids`, and whose Patient check throws on patient ids in `patients`. */
export function throwingFamily(ids: string[], patients: string[] = []): StructuralChecks {
  return {
    family: "test: throws on purpose",
    Lesion: [(line) => { if (ids.includes(line.id.value)) throw new TypeError(`cannot read lesion ${line.id.value}`); }],
    Patient: [(scope) => { if (patients.includes(scope.patient.id)) throw new RangeError(`patient ${scope.patient.id} out of range`); }],
  };
}

/** Runs `body` with `family` registered, and removes it afterwards whatever happens. */
export function withFamily<T>(family: StructuralChecks, body: () => T): T {
  structuralChecks.register(family);
  try {
    return body();
  } finally {
    structuralChecks.unregister(family);
  }
}

export async function withFamilyAsync<T>(family: StructuralChecks, body: () => Promise<T>): Promise<T> {
  structuralChecks.register(family);
  try {
    return await body();
  } finally {
    structuralChecks.unregister(family);
  }
}

/**
 * Replaces the export `name` of a compiled CommonJS module object (`import * as m from ...`; e.g.
 * `engine/episode`'s `assessEpisode`, which `engine/index` calls through the module object) while
 * `body` runs.
 */
export function withReplacedExport<T>(module: object, name: string, replacement: (...args: never[]) => unknown, body: () => T): T {
  const mod = module as Record<string, unknown>;
  const original = mod[name];
  if (typeof original !== "function") throw new Error(`the module has no function ${name}`);
  mod[name] = replacement;
  try {
    return body();
  } finally {
    mod[name] = original;
  }
}

/** `original` (an engine function taking a patient first), except that it throws `error` for patient `id`. */
export function throwingForPatient(original: (...args: never[]) => unknown, id: string, error: Error): (...args: never[]) => unknown {
  const call = original as (...args: unknown[]) => unknown;
  return ((patient: { id: string }, ...rest: unknown[]) => {
    if (patient.id === id) throw error;
    return call(patient, ...rest);
  }) as (...args: never[]) => unknown;
}
