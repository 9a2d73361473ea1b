import { formatMinor, toMinor } from '../../src/sdk';
import { Checker, LIMITS } from '../../connectors/catalog/validation';
import type { ProductFields, ImageFields } from '../../connectors/catalog/product-writes';
import type { VariantFields } from '../../connectors/catalog/variant-writes';
import type { OptionFields } from '../../connectors/catalog/option-writes';
import type { CollectionFields } from '../../connectors/catalog/collection-writes';

/** Field checks shared by create and update inputs; paths start at `base` (e.g. ['input']). */
export function checkProduct(c: Checker, base: string[], input: ProductFields, creating: boolean): void {
  const at = (name: string) => [...base, name];
  c.text(at('title'), input.title, LIMITS.title, creating || input.title != null);
  c.handle(at('handle'), input.handle);
  c.text(at('description'), input.description, LIMITS.description);
  c.text(at('vendor'), input.vendor, LIMITS.text);
  c.text(at('productType'), input.productType, LIMITS.text);
  c.texts(at('tags'), input.tags, LIMITS.tags);
}

export function checkImages(c: Checker, base: string[], images: readonly ImageFields[] | null | undefined): void {
  if (images && images.length > LIMITS.values) c.add(base, 'TOO_LONG', `At most ${LIMITS.values} images`);
  images?.forEach((image, i) => {
    c.url([...base, String(i), 'url'], image.url);
    c.text([...base, String(i), 'altText'], image.altText, LIMITS.text);
  });
}

/** `currency` is the shop's: a price may have no more decimals than its minor unit. */
export function checkVariant(c: Checker, base: string[], input: VariantFields, currency: string): void {
  const at = (name: string) => [...base, name];
  c.text(at('title'), input.title, LIMITS.title);
  c.text(at('sku'), input.sku, LIMITS.text);
  c.price(at('price'), input.price, currency);
  c.price(at('compareAtPrice'), input.compareAtPrice, currency);
  c.texts(at('optionValues'), input.optionValues, LIMITS.values);
  if (input.position != null && (input.position < 1 || input.position > 10_000)) {
    c.add(at('position'), 'INVALID', 'position must be between 1 and 10000');
  }
  const weight = input.weight?.value;
  if (weight != null && !/^\d{1,9}(\.\d{1,3})?$/.test(weight)) {
    c.add([...at('weight'), 'value'], 'INVALID', 'weight must be at least 0 with at most 3 fraction digits');
  }
}

/** A checked variant input with its prices in the currency's digits ('1500.00' in JPY is stored as '1500'). */
export function inCurrencyDigits<T extends VariantFields>(input: T, currency: string): T {
  const exact = <V extends string | null | undefined>(v: V) =>
    v == null ? v : formatMinor(toMinor(v, currency), currency);
  return { ...input, price: exact(input.price), compareAtPrice: exact(input.compareAtPrice) };
}

export function checkOption(c: Checker, base: string[], input: Partial<OptionFields>, creating: boolean): void {
  c.text([...base, 'name'], input.name, LIMITS.text, creating || input.name != null);
  c.texts([...base, 'values'], input.values, LIMITS.values);
  if (input.values && input.values.length === 0)
    c.add([...base, 'values'], 'BLANK', 'An option needs at least one value');
  if (creating && !input.values) c.add([...base, 'values'], 'BLANK', 'An option needs at least one value');
}

export function checkCollection(c: Checker, base: string[], input: CollectionFields, creating: boolean): void {
  const at = (name: string) => [...base, name];
  c.text(at('title'), input.title, LIMITS.title, creating || input.title != null);
  c.handle(at('handle'), input.handle);
  c.text(at('description'), input.description, LIMITS.description);
}
