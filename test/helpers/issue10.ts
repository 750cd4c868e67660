// The case of issue 10, item 1, shared by the tests of the syntax layer, the CLI and the language
// service: a baseline target whose value `4,2 cm` cannot be read (line 3), read again at two scans.
export const UNREADABLE_BASELINE_CASE = `patient PT-1 {
  baseline 2025-01-02 CT {
    T1 target liver "seg 6" 4,2 cm
    T2 target lung 30 mm
  }
  scan 2025-03-01 CT {
    T1 40 mm
    T2 15 mm
  }
  scan 2025-05-01 CT {
    T1 45 mm
    T2 14 mm
  }
}
`;

/** A complete patient beside it. */
export const COMPLETE_CASE = `patient PT-2 {
  baseline 2025-01-02 CT {
    T1 target liver 42 mm
  }
  scan 2025-03-01 CT {
    T1 20 mm
  }
}
`;

/** Issue 10: unreadable values at follow-ups, after an earlier PD (R10 "RECIST 1.1 after progression"). */
export const UNREADABLE_FOLLOW_UP = `patient PT-7 {
  criteria RECIST 1.1
  therapy docetaxel from 2025-01-05 chemotherapy
  baseline 2025-01-02 CT {
    T1 target liver 50 mm
    T2 target lung 30 mm
    NT1 non-target bone present
  }
  scan 2025-03-01 CT {
    T1 90 mm
    T2 30 mm
    NT1 present
  }
  scan 2025-05-01 CT {
    T1 4,2 cm
    T2 30 mm
    NT1 present
  }
  scan 2025-07-01 CT {
    T1 40 mm
    T2 30 mm
    NT1 abesnt
    NL1 new liver 1,2 cm
  }
}
`;
