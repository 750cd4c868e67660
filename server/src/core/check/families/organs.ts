// unknown-organ: an organ outside the spec's list is a warning (the lesion still counts), with
// the closest known organ offered as a replacement.
import type { Word } from "../../syntax/ast";
import type { CheckContext } from "../context";
import type { StructuralChecks } from "../registry";
import { Codes } from "../../codes";
import { isKnownOrgan, KNOWN_ORGANS } from "../../model/organs";
import { closest } from "../../util/closest";

function checkOrgan(organ: Word, ctx: CheckContext): void {
  if (isKnownOrgan(organ.value)) return;
  const suggestion = closest(organ.value, KNOWN_ORGANS);
  const hint = suggestion ? `did you mean \`${suggestion}\`?` : "use `other` for an organ outside the list";
  ctx.report(Codes.unknownOrgan, organ, `Unknown organ \`${organ.value}\`: ${hint}`, suggestion ? { suggestion } : undefined);
}

export const organChecks: StructuralChecks = {
  family: "organs",
  Lesion: [(line, _scope, ctx) => { if (line.organ) checkOrgan(line.organ, ctx); }],
  Biopsy: [(biopsy, ctx) => checkOrgan(biopsy.organ, ctx)],
  BiopsyBlock: [(block, ctx) => { if (block.header.organ) checkOrgan(block.header.organ, ctx); }],
};
