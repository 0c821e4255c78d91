// natural ships no types for its submodules; we import them one by one (its index loads DB clients).
declare module "natural/lib/natural/distance/jaro-winkler_distance.js" {
  export default function jaroWinkler(a: string, b: string, options?: { ignoreCase?: boolean }): number;
}
declare module "natural/lib/natural/phonetics/double_metaphone.js" {
  export default class DoubleMetaphone {
    process(token: string, maxLength?: number): [string, string];
    compare(a: string, b: string): boolean;
  }
}
