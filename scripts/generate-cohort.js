#!/usr/bin/env node
// Generates examples/cohort.nadir: a few dozen varied patients (responses, stable disease,
// progression, pseudo-progression, new lesions, ctDNA, markers). Deterministic: the same seed
// always writes the same file, which is committed. Every patient is structurally valid (R1:
// measurable targets, at most 5 and 2 per organ; baseline within 28 days before therapy). The text
// goes through the formatter (`nadir format`), so run `npm run build` first.
//   node scripts/generate-cohort.js [--patients N] [--out FILE | --out -]
// writes the first N patients (default 36) to FILE (default examples/cohort.nadir; - is stdout).
"use strict";
const fs = require("fs");
const path = require("path");

const SEED = 20250101;
const PATIENTS = 36;
const DEFAULT_OUT = path.join(__dirname, "..", "examples", "cohort.nadir");

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
let random = mulberry32(SEED);
const between = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));
const pick = (items) => items[Math.floor(random() * items.length)];

const DAY = 86400000;
const dateOf = (day) => new Date(day * DAY).toISOString().slice(0, 10);
const dayOf = (text) => Math.round(Date.parse(`${text}T00:00:00Z`) / DAY);

const TUMOURS = [
  { label: "Melanoma", prefix: "MEL", organs: ["liver", "lung", "skin", "soft-tissue", "node", "brain"], io: ["pembrolizumab", "nivolumab", "ipilimumab+nivolumab"], other: ["dabrafenib+trametinib", "targeted"] },
  { label: "NSCLC", prefix: "LUNG", organs: ["lung", "adrenal", "liver", "bone", "node", "pleura"], io: ["atezolizumab", "pembrolizumab", "durvalumab"], other: ["carboplatin+pemetrexed", "chemotherapy"] },
  { label: "Colorectal", prefix: "CRC", organs: ["liver", "lung", "peritoneum", "node", "colon"], io: ["pembrolizumab"], other: ["FOLFOX", "chemotherapy"] },
  { label: "Renal cell", prefix: "RCC", organs: ["kidney", "lung", "bone", "adrenal", "node", "pancreas"], io: ["nivolumab", "ipilimumab+nivolumab"], other: ["cabozantinib", "targeted"] },
  { label: "Ovarian", prefix: "OV", organs: ["ovary", "peritoneum", "liver", "node", "spleen"], io: ["pembrolizumab"], other: ["carboplatin+paclitaxel", "chemotherapy"] },
];
const DESCRIPTIONS = {
  liver: ["segment II", "segment IVa", "segment VI", "segment VII", "segment VIII"],
  lung: ["right upper lobe", "right lower lobe", "left upper lobe", "left lower lobe", "lingula"],
  node: ["subcarinal", "right hilar", "para-aortic", "left axillary", "mesenteric", "left supraclavicular"],
  skin: ["scalp", "back", "left thigh"],
  "soft-tissue": ["right gluteal", "abdominal wall"],
  brain: ["right frontal", "left cerebellar"],
  adrenal: ["left adrenal", "right adrenal"],
  bone: ["L2 vertebral body", "right iliac wing", "T11"],
  pleura: ["right pleural nodule", "left pleural plaque"],
  peritoneum: ["omental cake", "right paracolic gutter"],
  colon: ["sigmoid primary", "caecal primary"],
  kidney: ["left kidney primary", "right kidney upper pole"],
  pancreas: ["pancreatic tail"],
  ovary: ["right adnexal mass", "left adnexal mass"],
  spleen: ["splenic hilum"],
};
// How the target sum evolves from scan to scan, as factors of the baseline.
const COURSES = {
  response: [0.75, 0.55, 0.5, 0.48, 0.5],
  "complete response": [0.6, 0.2, 0, 0, 0],
  stable: [0.95, 0.9, 0.92, 0.88, 0.9],
  progression: [0.9, 0.85, 1.15, 1.3, 1.5],
  "early progression": [1.35, 1.6, 1.9, 2.1, 2.3],
  "pseudo-progression": [1.3, 0.95, 0.7, 0.6, 0.55],
  "slow growth": [1.05, 1.1, 1.12, 1.16, 1.2],
};

function mm(tenths) {
  return tenths % 10 === 0 ? `${tenths / 10} mm` : `${(tenths / 10).toFixed(1)} mm`;
}

function lesionValue(lesion, factor) {
  // Radiologists report whole millimetres.
  const tenths = Math.round((lesion.baseline * factor * (0.9 + random() * 0.2)) / 10) * 10;
  if (lesion.organ === "node") return mm(Math.max(tenths, 50));
  if (tenths === 0) return "absent";
  if (tenths < 50) return random() < 0.5 ? "too small" : "absent";
  return mm(tenths);
}

function targets(tumour) {
  const count = between(1, 5);
  const perOrgan = new Map();
  const out = [];
  for (let tries = 0; out.length < count && tries < 50; tries++) {
    const organ = pick(tumour.organs);
    if ((perOrgan.get(organ) ?? 0) >= 2) continue;
    perOrgan.set(organ, (perOrgan.get(organ) ?? 0) + 1);
    const nodal = organ === "node";
    const baseline = nodal ? between(15, 32) * 10 : between(11, 65) * 10 + (random() < 0.2 ? 5 : 0);
    out.push({ id: nodal ? `N${out.filter((l) => l.organ === "node").length + 1}` : `T${out.filter((l) => l.organ !== "node").length + 1}`, organ, baseline });
  }
  return out;
}

function patient(index) {
  const tumour = pick(TUMOURS);
  const irecist = random() < 0.5;
  const courseName = pick(Object.keys(COURSES).filter((c) => irecist || c !== "pseudo-progression"));
  const course = COURSES[courseName];
  const id = `${tumour.prefix}-${String(1000 + index * 7).padStart(4, "0")}`;
  const baselineDay = dayOf("2024-03-04") + between(0, 420);
  const therapyDay = baselineDay + between(2, 21);
  const therapy = irecist ? pick(tumour.io) : tumour.other[0];
  const kind = irecist ? "immunotherapy" : tumour.other[1];
  const intervalWeeks = pick([6, 8, 8, 9, 12]);
  const scans = between(2, 5);
  const lesions = targets(tumour);
  const nonTargets = [];
  for (let i = 0; i < between(0, 2); i++) {
    const organ = pick(tumour.organs.filter((o) => o !== "brain"));
    nonTargets.push({ id: `NT${i + 1}`, organ, value: organ === "node" ? mm(between(10, 14) * 10) : "present" });
  }
  const lines = [];
  lines.push(`# ${tumour.label}, ${courseName}${irecist ? " (iRECIST)" : ""}`);
  lines.push(`patient ${id} {`);
  lines.push(`  criteria ${irecist ? "iRECIST" : "RECIST 1.1"}`);
  lines.push(`  schedule every ${intervalWeeks} weeks`);
  const lastScanDay = therapyDay + scans * intervalWeeks * 7;
  lines.push(`  as of ${dateOf(lastScanDay + between(7, 30))}`);
  lines.push(`  therapy ${therapy} from ${dateOf(therapyDay)} ${kind}`);
  lines.push("");
  lines.push(`  baseline ${dateOf(baselineDay)} CT {`);
  for (const l of lesions) lines.push(`    ${l.id} target ${l.organ} "${pick(DESCRIPTIONS[l.organ])}"  ${mm(l.baseline)}`);
  for (const l of nonTargets) lines.push(`    ${l.id} non-target ${l.organ} "${pick(DESCRIPTIONS[l.organ])}"  ${l.value}`);
  lines.push(`    ecog ${between(0, 1)}`);
  lines.push("  }");
  const newLesions = [];
  for (let s = 0; s < scans; s++) {
    const day = therapyDay + (s + 1) * intervalWeeks * 7 + between(-4, 4);
    const factor = course[s];
    const growing = factor > 1.1;
    lines.push("");
    lines.push(`  scan ${dateOf(day)} ${pick(["CT", "CT", "CT", "MRI", "PET-CT"])} {`);
    for (const l of lesions) lines.push(`    ${l.id} ${lesionValue(l, factor)}`);
    for (const l of nonTargets) {
      const status = factor === 0 ? "absent" : growing && factor > 1.4 ? "progressed" : growing ? "increased" : "present";
      lines.push(`    ${l.id} ${l.organ === "node" && status === "present" ? l.value : status}`);
    }
    for (const l of newLesions) lines.push(`    ${l.id} ${factor < 1 ? "absent" : mm(l.size + 30)}`);
    if (growing && newLesions.length === 0 && random() < 0.6) {
      const organ = pick(tumour.organs.filter((o) => o !== "node"));
      const size = between(8, 20) * 10;
      const equivocal = random() < 0.25 ? " equivocal" : "";
      newLesions.push({ id: "NL1", size });
      lines.push(`    NL1 new${equivocal} ${organ} "${pick(DESCRIPTIONS[organ])}"  ${mm(size)}`);
    }
    if (irecist) lines.push(`    clinical ${growing && courseName === "early progression" ? "deterioration" : "stable"}`);
    lines.push("  }");
  }
  if (irecist && random() < 0.7) {
    lines.push("");
    let vaf = between(5, 80) / 10;
    for (let s = 0; s <= Math.min(scans, 3); s++) {
      const day = baselineDay + s * intervalWeeks * 7;
      lines.push(`  ctdna ${dateOf(day)} vaf ${vaf.toFixed(1)} %`);
      vaf = Math.max(0.1, vaf * (course[s] ?? 1) * (course[s] > 1 && courseName !== "pseudo-progression" ? 1.5 : 0.5));
    }
  } else if (!irecist && random() < 0.5) {
    lines.push("");
    lines.push(`  marker ${dateOf(baselineDay)} CEA ${between(60, 900) / 10} ng/mL uln 5`);
  }
  lines.push("}");
  return lines.join("\n");
}

/** The cohort's text, formatted: the same for the same number of patients. */
function cohortText(patients) {
  let formatText;
  try {
    ({ formatText } = require("../out/server/src/core/format"));
  } catch {
    throw new Error("the formatter is not built: run `npm run build` first");
  }
  random = mulberry32(SEED);
  const header = [
    "# A synthetic cohort of patients for trying Nadir out: generated by scripts/generate-cohort.js",
    `# (seed ${SEED}); edit the script, not this file. Not real patients.`,
    "",
    "",
  ];
  const body = Array.from({ length: patients }, (_, i) => patient(i + 1)).join("\n\n");
  return formatText(`${header.join("\n")}${body}\n`);
}

function main(args) {
  let patients = PATIENTS;
  let out = DEFAULT_OUT;
  for (let i = 0; i < args.length; i += 2) {
    const [flag, value] = [args[i], args[i + 1]];
    if (flag === "--patients" && /^[1-9]\d*$/.test(value ?? "")) patients = Number(value);
    else if (flag === "--out" && value) out = value === "-" ? null : path.resolve(value);
    else throw new Error(`usage: node scripts/generate-cohort.js [--patients N (1 or more)] [--out FILE | -]; got '${args.slice(i).join(" ")}'`);
  }
  const text = cohortText(patients);
  if (out === null) {
    process.stdout.write(text);
    return;
  }
  // A half-written example must never be left behind: write a temporary file, then rename it.
  const temporary = `${out}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, text);
  fs.renameSync(temporary, out);
  console.log(`wrote ${path.relative(process.cwd(), out)} (${patients} patients)`);
}

if (require.main === module) {
  try {
    main(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`generate-cohort: ${e.message}\n`);
    process.exitCode = 2;
  }
}

module.exports = { cohortText };
