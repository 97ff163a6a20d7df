package quote

import "strings"

// cue classes.
const (
	cueNone   uint8 = iota
	cueStrong       // a speech verb: introduces content on its own
	cueWeak         // a belief/finding verb: needs "that", a quote or a trailing position
	cuePart         // a participle opening a clause: ", saying …"
	cueGen          // a stance verb: needs a speaker phrase before it
)

// strongCues are speech verbs, listed as base, -s, past, -ing forms.
var strongCues = [][4]string{
	{"say", "says", "said", "saying"}, {"tell", "tells", "told", "telling"},
	{"add", "adds", "added", "adding"}, {"write", "writes", "wrote", "writing"},
	{"ask", "asks", "asked", "asking"}, {"note", "notes", "noted", "noting"},
	{"report", "reports", "reported", "reporting"}, {"announce", "announces", "announced", "announcing"},
	{"tweet", "tweets", "tweeted", "tweeting"}, {"explain", "explains", "explained", "explaining"},
	{"insist", "insists", "insisted", "insisting"}, {"warn", "warns", "warned", "warning"},
	{"declare", "declares", "declared", "declaring"}, {"state", "states", "stated", "stating"},
	{"reply", "replies", "replied", "replying"}, {"respond", "responds", "responded", "responding"},
	{"acknowledge", "acknowledges", "acknowledged", "acknowledging"}, {"admit", "admits", "admitted", "admitting"},
	{"concede", "concedes", "conceded", "conceding"}, {"confirm", "confirms", "confirmed", "confirming"},
	{"claim", "claims", "claimed", "claiming"}, {"argue", "argues", "argued", "arguing"},
	{"recall", "recalls", "recalled", "recalling"}, {"promise", "promises", "promised", "promising"},
	{"vow", "vows", "vowed", "vowing"}, {"pledge", "pledges", "pledged", "pledging"},
	{"conclude", "concludes", "concluded", "concluding"}, {"observe", "observes", "observed", "observing"},
	{"remark", "remarks", "remarked", "remarking"}, {"stress", "stresses", "stressed", "stressing"},
	{"emphasize", "emphasizes", "emphasized", "emphasizing"}, {"maintain", "maintains", "maintained", "maintaining"},
	{"contend", "contends", "contended", "contending"}, {"counter", "counters", "countered", "countering"},
	{"complain", "complains", "complained", "complaining"}, {"boast", "boasts", "boasted", "boasting"},
	{"joke", "jokes", "joked", "joking"}, {"quip", "quips", "quipped", "quipping"},
	{"shout", "shouts", "shouted", "shouting"}, {"testify", "testifies", "testified", "testifying"},
	{"assert", "asserts", "asserted", "asserting"}, {"allege", "alleges", "alleged", "alleging"},
	{"caution", "cautions", "cautioned", "cautioning"}, {"predict", "predicts", "predicted", "predicting"},
	{"suggest", "suggests", "suggested", "suggesting"}, {"continue", "continues", "continued", "continuing"},
	{"deny", "denies", "denied", "denying"}, {"announce", "announces", "announced", "announcing"},
	{"reveal", "reveals", "revealed", "revealing"}, {"post", "posts", "posted", "posting"},
	{"urge", "urges", "urged", "urging"}, {"threaten", "threatens", "threatened", "threatening"},
	{"proclaim", "proclaims", "proclaimed", "proclaiming"}, {"repeat", "repeats", "repeated", "repeating"},
	{"mention", "mentions", "mentioned", "mentioning"}, {"point", "points", "pointed", "pointing"},
	{"agree", "agrees", "agreed", "agreeing"}, {"estimate", "estimates", "estimated", "estimating"},
}

// weakCues are belief, finding and intention verbs.
var weakCues = [][4]string{
	{"believe", "believes", "believed", "believing"}, {"think", "thinks", "thought", "thinking"},
	{"feel", "feels", "felt", "feeling"}, {"know", "knows", "knew", "knowing"},
	{"hope", "hopes", "hoped", "hoping"}, {"fear", "fears", "feared", "fearing"},
	{"expect", "expects", "expected", "expecting"}, {"find", "finds", "found", "finding"},
	{"show", "shows", "showed", "showing"}, {"indicate", "indicates", "indicated", "indicating"},
	{"worry", "worries", "worried", "worrying"}, {"doubt", "doubts", "doubted", "doubting"},
	{"assume", "assumes", "assumed", "assuming"}, {"suspect", "suspects", "suspected", "suspecting"},
	{"understand", "understands", "understood", "understanding"}, {"learn", "learns", "learned", "learning"},
	{"realize", "realizes", "realized", "realizing"}, {"recognize", "recognizes", "recognized", "recognizing"},
	{"acknowledge", "", "", ""}, {"imply", "implies", "implied", "implying"},
	{"hint", "hints", "hinted", "hinting"}, {"signal", "signals", "signaled", "signaling"},
	{"conclude", "", "", ""}, {"decide", "decides", "decided", "deciding"},
	{"agree", "", "", ""}, {"mean", "means", "meant", ""}, {"guess", "guesses", "guessed", ""},
	{"insist", "", "", ""}, {"demonstrate", "demonstrates", "demonstrated", ""},
	{"estimate", "", "", ""}, {"project", "projects", "projected", ""},
}

// generalCues are verbs of stance and communication that PolNeAR-style
// attribution also covers ("X criticized …", "X endorsed …"). They need a
// speaker phrase right before them.
var generalCues = setOf(`described describes describing declined declines seemed seems appeared appears
endorsed endorses endorsing accused accuses accusing criticized criticizes criticizing expressed expresses
referring referred sought seeks seeking refused refuses refusing proposed proposes proposing supported
cited cites citing praised praises praising defended defends defending questioned questions questioning
talked talking rejected rejects rejecting attacked attacks attacking blasted blasts blasting dismissed
dismisses dismissing denounced denounces denouncing blamed blames blaming worried echoed echoes echoing
mocked mocks mocking ordered discussed discusses discussing reiterated reiterates challenged challenges
sounded railed rails encouraged encourages slammed slams slamming voiced voices decried decries touted
touts touting lamented laments portrayed portrays thanked thanks pleaded called calls calling offered
offers offering hoping eager vowing praising deemed requested requests emailed quoted answered
characterized characterizes labeled labels dubbed branded hailed hails lauded applauded welcomed welcomes
condemned condemns condemning opposed opposes opposing backed backs backing favored favors disputed
disputes disputing insists warns urges tweets claims argues suggests predicts announces admits
acknowledges signaled signals hinted hints floated spoke speaks want wants wanted support supports supporting see sees saw
plans plan planned named view views viewed oppose prefer prefers preferred consider considers considered
remember remembers remembered seem look looks looked signed identified reminded assailed wondered retweeted
recommended invoked highlighted published released charged follows demands demanded rattled exposed
reads read trumpeted trumpeting assuring insisting promising pushing pushed embraced embracing
call favor blame endorse criticize praise attack accuse reject describe applaud welcome condemn
dispute denounce dismiss slam mock tout decry focused focuses voted nominated ignored shared seek defend
discuss embrace promote advocate cite encourage booed`)

// cueOf maps a lower-cased word to its class; cueBase to its base form.
var (
	cueOf   = map[string]uint8{}
	cueBase = map[string]string{}
)

// buildCues fills cueOf and cueBase (called from init in lex.go).
func buildCues() {
	for _, list := range []struct {
		forms [][4]string
		class uint8
	}{{weakCues, cueWeak}, {strongCues, cueStrong}} {
		for _, f := range list.forms {
			for k, w := range f {
				if w == "" {
					continue
				}
				c := list.class
				if k == 3 && c == cueStrong {
					c = cuePart
				}
				if _, dup := cueOf[w]; dup && list.class == cueWeak {
					continue
				}
				cueOf[w] = c
				cueBase[w] = f[0]
			}
		}
	}
	for w := range generalCues {
		if _, ok := cueOf[w]; !ok {
			cueOf[w] = cueGen
			cueBase[w] = w
		}
	}
}

// speechOnly are strong cues that need a quote, "that", a colon or a
// trailing position (they are too common as ordinary verbs otherwise).
var speechOnly = map[string]bool{
	"continue": true, "post": true, "point": true, "repeat": true, "mention": true,
	"counter": true, "remark": true, "maintain": true, "observe": true, "agree": true, "estimate": true,
	"joke": true, "shout": true, "testify": true, "complain": true, "boast": true, "stress": true,
}

// auxSkip are words between a speaker and its cue verb that belong to
// neither: auxiliaries, negation and common adverbs.
var auxSkip = map[string]bool{
	"has": true, "have": true, "had": true, "also": true, "later": true, "then": true, "has also": true,
	"would": true, "will": true, "could": true, "may": true, "might": true, "did": true, "does": true,
	"do": true, "is": true, "was": true, "were": true, "are": true, "been": true, "be": true,
	"not": true, "never": true, "often": true, "just": true, "already": true, "long": true, "first": true,
	"still": true, "even": true, "once": true, "again": true, "too": true, "should": true, "can": true,
	"must": true, "ever": true, "always": true, "previously": true, "recently": true, "reportedly": true,
	"had been": true, "n't": true, "now": true, "since": true, "however": true, "meanwhile": true, "instead": true, "publicly": true, "privately": true,
}

// addNegatedAux adds negated auxiliaries to auxSkip (called from init in lex.go).
func addNegatedAux() {
	// negated auxiliaries: "Roffman doesn't want …"
	for _, w := range strings.Fields(`doesn't didn't don't won't can't isn't wasn't hasn't haven't hadn't
wouldn't couldn't shouldn't aren't weren't cannot`) {
		auxSkip[w] = true
		auxSkip[strings.ReplaceAll(w, "'", "’")] = true
	}
}

// pronouns that can stand for a speaker.
var pronounGender = map[string]byte{
	"he": 'm', "she": 'f', "they": 'p', "i": 'x', "we": 'x', "who": 'r', "which": 'r', "it": 'n',
	"you": 'x', "him": 'm', "her": 'f',
}

// determiners open a noun phrase.
var determiners = map[string]bool{
	"the": true, "a": true, "an": true, "another": true, "this": true, "these": true, "those": true,
	"his": true, "her": true, "their": true, "its": true, "our": true, "my": true, "your": true,
	"some": true, "many": true, "several": true, "both": true, "all": true, "most": true, "each": true,
	"one": true, "two": true, "three": true, "few": true, "other": true, "others": true, "no": true,
	"any": true, "such": true, "every": true, "more": true, "top": false,
}

// npStop are words that cannot be inside a speaker noun phrase.
var npStop = setOf(`that and but or because when while as if than so after before since although though
where whether then to on by into about over under during through without against upon until unless
what how why whom whose there here not is was are were be been being has have had do does did will would
can could should may might must said says say told tells added also later just even only yet nor
both either neither however meanwhile moreover instead indeed also too very it's when's let me us
him them if in at with from among amid across around behind beyond near toward towards via per`)

// npInternal prepositions may join two parts of a speaker phrase
// ("a spokesman for the campaign", "the head of the FBI").
var npInternal = setOf(`of for at from with in`)

// speakerNouns are lower-case heads that usually denote speakers.
var speakerNouns = setOf(`official officials spokesman spokeswoman spokesperson source sources aide aides
expert experts analyst analysts critic critics supporter supporters voter voters people residents police
authorities lawmakers democrats republicans observers economists advisers adviser advisor advisors witnesses
investigators prosecutors prosecutor officers officer campaign president senator governor candidate nominee
leader leaders director chairman chairwoman chair secretary minister spokesmen statement report poll polls
survey study researchers scientists lawyer lawyers attorney attorneys judge group groups organization
administration department agency committee officials members member staff staffers strategist strategists
operative operatives activists activist protesters organizers executive executives reporter reporters
press person man woman men women friend friends allies ally opponents opponent rivals rival
representative representatives delegates delegate donors donor pollster pollsters commentators host
percent majority majorities minority plurality half third thirds quarter quarters
records filings documents emails results data figures surveys studies`)

// orgWords mark a capitalised sequence as an organisation, not a person.
var orgWords = setOf(`party department house committee university news times post campaign association
inc corp council senate congress court agency bureau service union institute foundation network commission
administration journal press center centre group company bank fund office ministry police army
network cnn fbi cia nato gop dnc rnc school college club league board times-picayune republicans democrats
democratic republican politico breitbart reuters ap msnbc abc cbs nbc fox twitter facebook pentagon
kremlin street county city state states america united nations post-dispatch review magazine radio tv`)

// countryAbbrevs open a name sequence without being part of the name:
// "U.S. Defense Secretary Ashton Carter", "the US".
var countryAbbrevs = setOf(`us u.s. u.s uk u.k. un u.n. eu`)

// notNames are capitalised words that are not names by themselves.
var notNames = setOf(`the a an but and or in on at for to of by as if when while after before this that these those
it he she they we i you his her their our my its there here what why how who which where mr mrs ms dr
monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
september october november december jan feb aug sept oct nov dec so yet still also however meanwhile then
according despite although though since during with without from not no yes last next new like just
american americans u.s president sen rep gov senator governor secretary former vice speaker
first second third then now today yesterday tonight later earlier indeed instead still even only`)

// maleNames and femaleNames give a gender to common first names.
var maleNames = setOf(`donald bernie ted marco jeb john barack joe mike ben chris rand scott jim james bill
paul mitch george tim mark david michael robert richard william thomas charles joseph steven stephen kevin
brian jeff jeffrey ryan eric jason matt matthew andrew dan daniel peter tom rick lindsey jon corey reince
newt rudy kellyanne-no martin jack harry frank larry gary john bobby lincoln mitt al howard carl sean tony
vladimir xi jared roger steve lou ron dick rex harold jerry jesse louis luis carlos jorge juan pedro
nigel boris francois emmanuel angela-no kim jong-un`)

var femaleNames = setOf(`hillary chelsea elizabeth nancy kellyanne melania ivanka sarah carly nikki susan
michelle mary patricia jennifer linda barbara margaret jessica lisa karen donna hope huma debbie
megyn katy amy kirsten claire maria anna laura julia katie kate rachel rebecca emily amanda heather
angela theresa marine jill dana tammy cheryl loretta condoleezza madeleine diane dianne janet ruth sonia
elena samantha valerie sheila barbara jane ann anne joni nina kelly kristen christine gretchen`)

func setOf(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}
