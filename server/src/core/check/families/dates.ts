// invalid-date: every date of the file must be a real calendar date (spec, lexical rules). The
// grammar only knows the YYYY-MM-DD shape; the calendar is checked here.
import type { StructuralChecks } from "../registry";
import { Codes } from "../../codes";
import { parseDay, whyInvalidDate } from "../../util/dates";

export const dateChecks: StructuralChecks = {
  family: "dates",
  Date: [
    (date, ctx) => {
      if (parseDay(date.text) !== null) return;
      ctx.report(Codes.invalidDate, date, `${date.text} is not a real date: ${whyInvalidDate(date.text)}.`);
    },
  ],
};
