import { percentRate } from '../../../src/sdk/money';
import type { TaxRateInput } from '../pricing/calculate';

/** A tax rate as the tenant set it up. */
export interface TaxRateRow {
  id: string;
  country_code: string;
  province_code: string | null;
  title: string;
  /** Percentage, numeric(7,4) as text ('19.0000'). */
  rate_percentage: string;
  applies_to_shipping: boolean;
}

/** Where the goods go, as far as tax is concerned. */
export interface TaxDestination {
  countryCode: string;
  provinceCode: string | null;
}

/**
 * The boundary of tax: which rates apply to a destination. The price calculation applies them per line
 * (rounding per line). The built-in calculator reads the tenant's own rates; an external tax service
 * plugs in by implementing this interface.
 */
export interface TaxCalculator {
  ratesFor(destination: TaxDestination | null): TaxRateInput[];
}

const trimmed = (percent: string) => percent.replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');

/** The tenant's rates: the country's, plus its province's where it has one. */
export function tableTaxCalculator(rates: readonly TaxRateRow[]): TaxCalculator {
  return {
    ratesFor(destination) {
      if (!destination) return [];
      return rates
        .filter(
          (r) =>
            r.country_code === destination.countryCode &&
            (r.province_code === null || r.province_code === destination.provinceCode),
        )
        .map((r) => ({
          title: r.title,
          percent: trimmed(r.rate_percentage),
          rate: percentRate(r.rate_percentage),
          shipping: r.applies_to_shipping,
        }));
    },
  };
}
