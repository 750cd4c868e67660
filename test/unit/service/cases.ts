// Case texts shared by the language-service and formatter tests. The formatter test checks that
// formatting preserves the assessment of each of them (and of every examples/*.nadir).

/** iRECIST: an iUPD on 2025-04-26 awaiting confirmation (window 2025-05-24 to 2025-06-21, R10). */
export const IUPD_PENDING = `patient PT-7 {
  criteria iRECIST
  schedule every 8 weeks
  as of 2025-05-10
  therapy pembrolizumab from 2025-01-06 immunotherapy

  baseline 2025-01-02 CT {
    T1 target liver "segment VII"  42 mm
    T2 target lung                 18 mm
    NT1 non-target bone            present
  }

  scan 2025-03-01 CT {
    T1 30 mm
    T2 10 mm
    NT1 present
  }

  scan 2025-04-26 CT {
    T1 3.8 cm
    T2 12 mm
    NT1 present
    NL1 new liver "segment II"  12 mm
  }

  ctdna 2025-01-02 vaf 2.4 %
  ctdna 2025-04-20 vaf 0.3 %
}
`;

/** RECIST 1.1 on immunotherapy, a follow-up missing T2, scans out of order, an unknown organ. */
export const FIXABLE = `patient PT-8 {
  schedule every 6 weeks
  as of 2025-03-01
  therapy nivolumab from 2025-01-06 immunotherapy

  baseline 2025-01-02 CT {
    T1 target liver 40 mm
    T2 target lung  20 mm
    NT1 non-target lvier present
  }

  scan 2025-02-20 CT {
    T1 38 mm
    T2 19 mm
    NT1 present
  }

  scan 2025-02-10 CT {
    T1 39 mm
    T3 19 mm
    NT1 present
  }
}
`;

/** Six targets, three in the liver (R1), and a second patient with a CRLF-free comment block. */
export const TOO_MANY_TARGETS = `# Two patients.
# The second has no schedule.
patient A-1 {
  baseline 2025-01-02 CT {
    T1 target liver 40 mm
    T2 target liver 30 mm
    T3 target liver 20 mm
    T4 target lung 25 mm
    T5 target lung 15 mm
    N1 target node 18 mm
  }
  scan 2025-03-01 CT {
    T1 30 mm
    T2 20 mm
    T3 10 mm
    T4 20 mm
    T5 10 mm
    N1 9 mm
  }
}

patient A-2 {
  baseline 2025-01-02 MRI {
    T1 target brain 22 mm   # enhancing
  }
}
`;

/** Messy spacing, tabs and comments: what the formatter normalises. */
export const MESSY = `patient   "PT 9"   {   # quoted id
\tcriteria   RECIST  1.1
  baseline 2025-01-02   CT{
 T1   target  liver   "a  b"   42 mm
      T10 target lung 18 mm   # long id
  NT1 non-target node "left  axillary" 12 mm

      # a comment inside the scan
  }


  scan 2025-03-01 CT {
    T1 split 10 mm  +  5 mm
    T10    merged into T1
    NT1   absent
  }
}
`;

export const ALL_CASES: Record<string, string> = { IUPD_PENDING, FIXABLE, TOO_MANY_TARGETS, MESSY };
