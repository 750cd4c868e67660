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
