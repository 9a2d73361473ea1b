/** For migrations, which import only kysely: this module and the one it names import nothing else. */
export { narrowAmounts, widenAmounts, type AmountColumn } from '../../db/exact-amounts';
