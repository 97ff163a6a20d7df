// Package event codes the happenings a news sentence reports — who did what
// to whom, where and when — as political event data: a source and a target
// actor, a PLOVER 2.0 event type (with mode and context where the PLOVER
// table defines them) and a CAMEO code, the place, the date, quantities
// (killed, wounded, troops, money) and a status (asserted, negated,
// future, hypothetical, urged).
//
// The coder (Coder.Code) works on one sentence at a time, after the
// actor, place and time analysis has marked the sentence's mentions. It
// finds verbs with the PETRARCH-2 CAMEO verb-pattern Dictionary (MIT;
// data/verbs.tsv.gz, compiled by scripts/verbs): a verb's forms give its
// default CAMEO code and its patterns (words and prepositional phrases
// around the verb, with synonym sets) refine it. Without a parse tree the
// roles come from word order: the actors of the clause before the verb are
// its source, the first actors or places after it its target; a passive
// ("was attacked by") swaps them. A CAMEO code becomes a PLOVER type
// through the CAMEO→PLOVER table of the PLOVER project (CC BY-SA 4.0;
// data/cameo2plover.tsv). CAMEO 01 (public statements: "said") codes no
// event: it carries others.
//
// Merge (dedup.go) folds the events of a story's sentences, articles and
// outlets that report the same happening into one event with many
// mentions, keeping each outlet's value where they disagree. Outlets tell
// one happening in different words, so Same compares parties as sets: two
// target lists that share an actor or a place, or a city and the country
// it lies in, name one target; two events of one sentence are never one.
//
// Compound actors ("Iraqi troops, Kurdish forces and Shiite militias
// attacked") are kept as a list on one event: Source and Target are the
// first of their lists, Sources and Targets all of them.
//
// A visit or meeting told as the occasion of another act ("the minister said
// during a visit to Seville") is an event of its own (occasion.go), so that
// it meets another outlet's "visited Seville". A planned or announced
// happening told with a country as actor and with one of that country's
// officials is one happening (Same); one that took place keeps them apart.
package event
