// Command-line flags of every `nadir` command: parsing with messages that say what is wrong, and
// the validators of flag values. Every message names the flag, the value given and what is
// expected; every problem is a CliError (exit 2).
import { parseArgs, ParseArgsConfig } from "util";
import { CliError } from "./command";
import { parseDay } from "../core/util/dates";
import { criteriaIdsText, resolveCriteriaNames, splitCriteriaNames } from "../core/criteria/registry";

type Options = NonNullable<ParseArgsConfig["options"]>;

/**
 * Parses a command's arguments strictly. Beyond util.parseArgs: a value that starts with '-' (a
 * negative number, say) is taken as the value of the flag before it unless it is itself a flag of
 * the command, so that `--max-warnings -1` is judged as a value; an empty value and a value-taking
 * flag given twice with different values are errors.
 */
export function parseCommandArgs<T extends Options>(command: string, args: string[], options: T) {
  const hint = ` (see 'nadir ${command} --help')`;
  let parsed;
  try {
    parsed = parseArgs({ args: joinDashValues(args, options), allowPositionals: true, strict: true, tokens: true, options });
  } catch (e) {
    throw new CliError(`${describeArgError(e as Error & { code?: string })}${hint}`);
  }
  const given = new Map<string, string>();
  for (const token of parsed.tokens ?? []) {
    if (token.kind !== "option" || token.value === undefined) continue;
    const flag = `--${token.name}`;
    if (token.value === "") throw new CliError(`${flag} needs a value${hint}`);
    const earlier = given.get(token.name);
    if (earlier !== undefined && earlier !== token.value) throw new CliError(`${flag} is given twice ('${earlier}' and '${token.value}'): give it once${hint}`);
    given.set(token.name, token.value);
  }
  return { values: parsed.values, positionals: parsed.positionals };
}

/** `--flag -1` becomes `--flag=-1` when the flag takes a value and `-1` is not one of the command's flags. */
function joinDashValues(args: string[], options: Options): string[] {
  const takesValue = (arg: string): string | null => {
    const long = /^--([^=]+)$/.exec(arg);
    if (long) return options[long[1]]?.type === "string" ? long[1] : null;
    const short = /^-([^-])$/.exec(arg);
    if (!short) return null;
    const name = Object.keys(options).find((key) => options[key].short === short[1]);
    return name && options[name].type === "string" ? name : null;
  };
  const isFlag = (arg: string): boolean => {
    if (arg === "--") return true;
    const long = /^--([^=]+)/.exec(arg);
    if (long) return long[1] in options || long[1] === "help";
    const short = /^-(.)/.exec(arg);
    return short !== null && (short[1] === "h" || Object.values(options).some((o) => o.short === short[1]));
  };
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--") {
      out.push(...args.slice(i));
      break;
    }
    const name = takesValue(arg);
    const next = args[i + 1];
    if (name && next !== undefined && next.length > 1 && next.startsWith("-") && !isFlag(next)) {
      out.push(`--${name}=${next}`);
      i++;
    } else {
      out.push(arg);
    }
  }
  return out;
}

export function describeArgError(e: Error & { code?: string }): string {
  const option = /'([^']+)'/.exec(e.message)?.[1] ?? "";
  const flag = option.split(" ")[0];
  if (e.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") return `unknown option '${option}'`;
  if (e.code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
    if (/does not take an argument/.test(e.message)) return `option '${flag}' takes no value`;
    return `option '${flag}' needs a value`;
  }
  return e.message.split("\n")[0];
}

/** A whole number at least `min` (`--max-warnings 0`, `--jobs 4`). */
export function wholeNumberFlag(flag: string, value: string, min: number, what = "a whole number"): number {
  if (!/^\d+$/.test(value) || Number(value) < min || !Number.isSafeInteger(Number(value))) {
    throw new CliError(`${flag} expects ${what} of ${min} or more, got '${value}'`);
  }
  return Number(value);
}

/** One of a fixed list of words. */
export function oneOfFlag<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) throw new CliError(`${flag} expects one of ${allowed.join(", ")}, got '${value}'`);
  return value as T;
}

/** `--as-of YYYY-MM-DD`: a real calendar date, as the day number and the text. */
export function dateFlag(flag: string, value: string): { text: string; day: number } {
  const day = parseDay(value);
  if (day === null) throw new CliError(`${flag} expects a real date YYYY-MM-DD, got '${value}'`);
  return { text: value, day };
}

/**
 * `--criteria`: one criteria name or several separated by spaces or commas, the first being the
 * primary (P3), spelt as in case files (spaces and case are free); resolved by the criteria
 * registry. The value is the settings' canonical list ("iRECIST irRC").
 */
export function criteriaFlag(flag: string, value: string): string {
  const { ids, unknown, repeated } = resolveCriteriaNames(splitCriteriaNames(value));
  if (unknown.length > 0 || ids.length === 0) throw new CliError(`${flag} expects ${criteriaIdsText()} (or several, separated by spaces or commas), got '${value}'`);
  if (repeated.length > 0) throw new CliError(`${flag} names ${repeated[0].text} twice ('${value}'): name each criterion once`);
  return ids.join(" ");
}
