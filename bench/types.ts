export type BenchResult = {
  name: string;
  ours: number;
  peer: number;
  ratio: number;
  unit: string;
  target: string;
  pass: boolean;
  /** what the one number hides: wall time, where it went */
  detail?: string;
};
