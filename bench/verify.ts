/**
 * Identical content before timing: every variant of a scenario answers as its reference does (the
 * baseline, or the gateway where there is none), without errors; returns the SQL statements per unit
 * each reported, and the reviews subgraph calls per request.
 */
import { CHECKOUT_MASKED } from './checkout-steps';
import { difference } from './compare';
import { probe, statementsUnderLoad, type Probed } from './load';
import type { BenchReviews } from './reviews';
import type { Scenario } from './scenarios';
import { comparedIn, targetOf, variantsFor, type Setup, type Variant } from './variants';

export type PerVariant = Record<string, Partial<Record<Variant, number>>>;

/** Requests sent to count the statements of the listing over many tenants (scenario j). */
const MIX_REQUESTS = 500;

const hasErrors = (body: unknown) => JSON.stringify(body).includes('"errors"');

export async function verify(
  list: Scenario[],
  setup: Setup,
  reviews: BenchReviews,
  connections: number,
): Promise<{ statements: PerVariant; subgraphCalls: PerVariant }> {
  const statements: PerVariant = {};
  const subgraphCalls: PerVariant = {};
  for (const scenario of list) {
    const variants = variantsFor(scenario);
    const [, reference] = comparedIn(scenario);
    const first = variants.includes(reference) ? reference : variants[0];
    const ask = async (variant: Variant): Promise<Probed> => {
      const before = reviews.calls();
      const target = targetOf(setup, variant, scenario);
      let answer = await probe(target);
      if (variant === 'cached') answer = await probe(target); // the second is served from the cache
      const calls = reviews.calls() - before;
      (subgraphCalls[scenario.name] ??= {})[variant] = calls;
      if (scenario.name === 'rated' && calls !== 1)
        throw new Error(`${variant} made ${calls} calls to the reviews subgraph for one rated page, not 1`);
      if (answer.status !== 200 || hasErrors(answer.body))
        throw new Error(
          `${variant} answered ${scenario.name} with HTTP ${answer.status}: ${JSON.stringify(answer.body).slice(0, 300)}`,
        );
      (statements[scenario.name] ??= {})[variant] = answer.statements;
      return answer;
    };
    const expected = await ask(first);
    for (const variant of variants.filter((v) => v !== first)) {
      const answer = await ask(variant);
      const diff = difference(answer.body, expected.body, scenario.name === 'checkout' ? CHECKOUT_MASKED : []);
      if (diff) throw new Error(`${variant} and ${first} answer ${scenario.name} differently: ${diff}`);
    }
    if (scenario.name === 'tenants') {
      // Statements per request as a loaded mix sends them: a tenant change on a connection costs its stamp.
      for (const variant of variants)
        statements.tenants[variant] = await statementsUnderLoad(
          targetOf(setup, variant, scenario),
          MIX_REQUESTS,
          connections,
        );
    }
  }
  return { statements, subgraphCalls };
}
