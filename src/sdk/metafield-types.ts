/**
 * The value types a metafield may have (Shopify's names): the metafields plugin validates them, and a
 * connector importing another system's metafields keeps only these.
 */
export const METAFIELD_VALUE_TYPES = [
  'single_line_text_field',
  'multi_line_text_field',
  'number_integer',
  'number_decimal',
  'boolean',
  'json',
  'date',
  'date_time',
  'url',
  'money',
  'list.single_line_text_field',
] as const;
