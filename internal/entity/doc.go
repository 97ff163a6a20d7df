// Package entity turns named-entity mentions into actors.
//
// Within one document, Resolve groups mentions into local entities: name
// variants and surnames ("Carter" -> "Ashton Carter"), acronyms learned from
// the text ("the Kurdistan Regional Government (KRG)"), titles and
// appositions giving roles ("U.S. Defense Secretary Ash Carter", "Carter,
// the Pentagon chief"), demonyms with agent nouns ("Iraqi forces" -> Iraq,
// military), and role nouns and pronouns ("the minister", "he") pointing
// back to a person where the evidence is strong.
//
// Across documents, a Registry merges local entities into canonical actors
// in one online pass, indexed by normalised name keys, using a small
// hand-written knowledge base of general knowledge (data/kb.txt: countries
// and demonyms, international organisations, well-known armed groups and
// government bodies, agent nouns, title words and given-name variants).
// Names the knowledge base does not know are looked up in an actor
// dictionary compiled from the PETRARCH-2 Phoenix dictionaries (MIT;
// data/phoenix.tsv.gz, built by scripts/actors): it gives people and
// organisations a CAMEO-style code valid at the publication date, a type
// and dated roles, and joins its synonyms into one actor.
// Actors carry a type, a CAMEO-style code where the data allows, aliases
// with counts, dated roles and the documents that mention them.
package entity
