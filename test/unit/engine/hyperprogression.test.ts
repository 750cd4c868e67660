// R12: every hyperprogression definition against numbers computed by hand.
import { strict as assert } from "assert";
import { run, diagnosticsOf } from "./caseBuilder";
import { tumourGrowthRate, tumourGrowthKinetics } from "../../../server/src/core/engine/hyperprogression";

// Pre-treatment 2024-11-01 T1 40 mm, baseline and start 2025-01-01 T1 50 mm.
//   t_ref = 61 days / 30.4375 = 2.0041 months
//   TGR_ref = 100 (exp(3 ln(50/40) / 2.0041) - 1) = 100 (exp(0.66943 / 2.0041) - 1) = 100 (1.39658 - 1) = 39.66 %/month
//   TGK_pre = (50 - 40) / 2.0041 = 4.99 mm/month
// Fast case: first evaluation 2025-02-15 (45 days, 1.4784 months) T1 90 mm (PD: +80 %, +40 mm).
//   TGR_exp = 100 (exp(3 ln(90/50) / 1.4784) - 1) = 100 (exp(1.76336 / 1.4784) - 1) = 100 (3.29602 - 1) = 229.60
//   Champiat: 229.60 / 39.66 = 5.79 >= 2, PD: met.      Ferrara: 229.60 - 39.66 = 189.9 > 50, PD: met.
//   Saada-Bouzid: TGK_on = 40 / 1.4784 = 27.06; 27.06 / 4.99 = 5.42 >= 2: met.
//   Matos: PD 45 days <= 60.9 days after the start, 90 > 1.4 x 50 = 70: met.
//   Kato: 45 < 60.9 days, burden +80 % > 50 %, pace 5.42 > 2: met.
// Slow case: first evaluation 2025-03-01 (59 days, 1.9384 months) T1 62 mm (PD: +24 %, +12 mm).
//   TGR_exp = 100 (exp(3 ln(62/50) / 1.9384) - 1) = 39.50; ratio 39.50 / 39.66 = 1.00 < 2: Champiat not met.
//   Ferrara: 39.50 - 39.66 = -0.2 <= 50: not met.  Saada-Bouzid: (12 / 1.9384) / 4.99 = 6.19 / 4.99 = 1.24 < 2: not met.
//   Matos: 62 <= 70 and no new lesions: not met.   Kato: burden +24 % <= 50 %: not met.
const kinetics = (first: string) => `
  therapy nivolumab from 2025-01-01 immunotherapy
  scan 2024-11-01 { T1 40 mm }
  baseline 2025-01-01 { T1 target liver 50 mm }
  ${first}
`;

function byDefinition(body: string, settings = {}) {
  const r = run(body, settings);
  return { r, h: Object.fromEntries(r.episode.hyperprogression.map((h) => [h.definition, h])) };
}

describe("engine: hyperprogression (R12)", () => {
  it("R12 growth-rate formulas match the hand computation", () => {
    assert.equal(tumourGrowthRate(400, 500, 61 / 30.4375).toFixed(2), "39.66");
    assert.equal(tumourGrowthRate(500, 900, 45 / 30.4375).toFixed(2), "229.60");
    assert.equal(tumourGrowthKinetics(400, 500, 61 / 30.4375).toFixed(2), "4.99");
  });

  it("R12 fast growth meets every definition, with the numbers in the detail", () => {
    const { h } = byDefinition(kinetics("scan 2025-02-15 { T1 90 mm }"));
    for (const d of ["champiat", "saada-bouzid", "ferrara", "matos", "kato"]) assert.equal(h[d].met, true, `${d}: ${h[d].detail}`);
    assert.match(h.champiat.detail, /TGR_ref = 39\.7 %\/month .* TGR_exp = 229\.6 %\/month .*TGR_exp \/ TGR_ref = 5\.79 \(>= 2\)/);
    assert.match(h.ferrara.detail, /delta TGR = 189\.9 \(> 50\)/);
    assert.match(h["saada-bouzid"].detail, /TGK_pre = 4\.99 mm\/month, TGK_on = 27\.06 mm\/month; TGK_on \/ TGK_pre = 5\.42/);
    assert.match(h.matos.detail, /45 days after the start .* sum 90 mm is > 40 % above the baseline 50 mm \(80\.0 %\)/);
    assert.match(h.kato.detail, /tumour burden \+80\.0 % \(> 50 %\); progression pace 5\.42-fold/);
  });

  it("R12 slow growth meets none", () => {
    const { h } = byDefinition(kinetics("scan 2025-03-01 { T1 62 mm }"));
    for (const d of ["champiat", "saada-bouzid", "ferrara", "matos", "kato"]) assert.equal(h[d].met, false, `${d}: ${h[d].detail}`);
    assert.match(h.champiat.detail, /TGR_exp = 39\.5 %\/month .*TGR_exp \/ TGR_ref = 1\.00 \(< 2\)/);
    assert.match(h["saada-bouzid"].detail, /TGK_on \/ TGK_pre = 1\.24 \(< 2\)/);
  });

  it("R12 the setting picks the definition that raises the diagnostic; auto is Champiat with a pre-treatment scan", () => {
    const fast = kinetics("scan 2025-02-15 { T1 90 mm }");
    const auto = diagnosticsOf(byDefinition(fast).r, "hyperprogression");
    assert.equal(auto.length, 1);
    assert.match(auto[0].message, /^Hyperprogression \(Champiat 2017\): /);
    assert.deepEqual(auto[0].data, { definition: "champiat" });
    assert.match(diagnosticsOf(byDefinition(fast, { hyperprogression: "kato" }).r, "hyperprogression")[0].message, /Kato 2017/);
    assert.equal(diagnosticsOf(byDefinition(kinetics("scan 2025-03-01 { T1 62 mm }")).r, "hyperprogression").length, 0);
  });

  it("R12 without a pre-treatment scan the kinetic definitions are not computable and auto uses Matos (spread to a new organ)", () => {
    const { r, h } = byDefinition(`
      therapy nivolumab from 2025-01-01 immunotherapy
      baseline 2025-01-01 { T1 target liver 50 mm }
      scan 2025-02-20 { T1 52 mm ; NL1 new lung 12 mm }
    `);
    assert.equal(h.champiat.computable, false);
    assert.equal(h.kato.computable, false);
    assert.equal(h.matos.met, true);
    assert.match(h.matos.detail, /spread to a new organ \(lung\)/);
    assert.match(diagnosticsOf(r, "hyperprogression")[0].message, /Matos 2020/);
  });

  it("R12 Matos: two new lesions in an organ already involved count; a first evaluation after 2 months does not", () => {
    const two = byDefinition(`therapy x from 2025-01-01\nbaseline 2025-01-01 { T1 target liver 50 mm }\nscan 2025-02-20 { T1 52 mm ; NL1 new liver 12 mm ; NL2 new liver 11 mm }`).h;
    assert.match(two.matos.detail, /2 new lesions in liver, already involved/);
    assert.equal(two.matos.met, true);
    const late = byDefinition(`therapy x from 2025-01-01\nbaseline 2025-01-01 { T1 target liver 50 mm }\nscan 2025-03-05 { T1 52 mm ; NL1 new lung 12 mm }`).h;
    assert.equal(late.matos.met, false);
  });
});
