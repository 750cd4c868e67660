// A case file a tumour board would bring (language 1.1): shared by the service and CLI tests.

/** A melanoma patient on pembrolizumab with a last dose and stop reason, structured biopsies and a confirmed progression. */
export const MELANOMA = `patient MEL-7 {
  cancer melanoma
  as of 2025-11-20
  therapy pembrolizumab from 2025-01-06 to 2025-09-22 immunotherapy stopped progression
  baseline 2025-01-02 CT {
    T1  target liver "segment VII" 40 mm
    T2  target lung "right lower lobe" 22 mm
    NT1 non-target bone "L3" present
    ecog 0
  }
  biopsy 2025-01-03 liver "segment VII core" {
    pd-l1 tps 40 % assay 22C3
    tmb 8 mut/Mb
    msi stable
  }
  scan 2025-03-03 CT {
    T1  28 mm
    T2  15 mm
    NT1 present
  }
  scan 2025-05-05 CT {
    T1  24 mm
    T2  12 mm
    NT1 present
  }
  scan 2025-08-25 CT {
    T1  35 mm
    T2  12 mm
    NT1 present
    NL1 new liver "segment II" 14 mm
  }
  scan 2025-09-22 CT {
    T1  39 mm
    T2  13 mm
    NT1 present
    NL1 18 mm
    ecog 1
  }
  biopsy 2025-09-30 liver "segment II, growing lesion" {
    pd-l1 tps 55 % assay 22C3
    tmb 11 mut/Mb
    msi stable
    variant BRAF V600E vaf 38 % tier I
    variant TP53 R273H tier III
  }
}
`;
