export interface ServeOptions {
  seeds: string;
  out: string;
  port: number;
}

export async function runServe(options: ServeOptions): Promise<number> {
  void options;
  return 1;
}
