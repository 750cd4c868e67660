// The small part of dcmjs (0.51, untyped JavaScript) that Nadir uses: reading and writing DICOM
// Part 10 files as naturalised datasets (keyword -> value objects).
declare module "dcmjs" {
  export type NaturalDataset = Record<string, unknown>;
  export namespace data {
    class DicomDict {
      constructor(meta: Record<string, unknown>);
      meta: Record<string, unknown>;
      dict: Record<string, unknown>;
      write(options?: Record<string, unknown>): ArrayBuffer;
    }
    const DicomMessage: {
      readFile(buffer: ArrayBuffer, options?: Record<string, unknown>): DicomDict;
    };
    const DicomMetaDictionary: {
      naturalizeDataset(dataset: Record<string, unknown>): NaturalDataset;
      denaturalizeDataset(dataset: NaturalDataset): Record<string, unknown>;
    };
  }
  export const log: { setLevel(level: string): void };
}
