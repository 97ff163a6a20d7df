package event

import "testing"

func TestZZDbg(t *testing.T) {
	c := NewCoder()
	for _, txt := range []string{
		"Sanctions on {Iran:IRN} were lifted by {the EU:IGOEUREEC}.",
		"{Iraq:IRQ} eased restrictions on {Kurds:KUR}.",
		"{Iraq:IRQ} and {Syria:SYR} signed a peace agreement.",
		"{Iraq:IRQ} expelled {Syrian diplomats:SYRGOV}.",
		"{Iraq:IRQ} broke off diplomatic relations with {Syria:SYR}.",
		"{Iraq:IRQ} apologized to {Syria:SYR}.",
		"{Iraq:IRQ} released {Syrian prisoners:SYRCVL}.",
		"{Iraq:IRQ} was accused by {Syria:SYR} of harbouring rebels.",
		"{Iraq:IRQ} recalled its ambassador from {Syria:SYR}.",
		"{Iraq:IRQ} imposed an embargo on {Syria:SYR}.",
		"{Iraq:IRQ} threatened to impose sanctions on {Syria:SYR}.",
		"{Iraq:IRQ} demanded that {Syria:SYR} withdraw its troops.",
		"{Iraq:IRQ} rejected {Syria:SYR}'s proposal.",
		"{Iraq:IRQ} mediated between {Syria:SYR} and {Turkey:TUR}.",
		"{Iraq:IRQ} investigated {Syria:SYR}'s claims.",
		"{Iraq:IRQ} sent humanitarian aid to {Syria:SYR}.",
		"{Iraq:IRQ} granted asylum to {Syrian refugees:SYRREF}.",
		"{Iraqi police:IRQCOP} arrested {three Syrians:SYR}.",
		"{Iraq:IRQ} praised {Syria:SYR} for its help.",
		"{Iraq:IRQ} said {Syria:SYR} had attacked {Turkey:TUR}.",
		"{Iraq:IRQ} denied that it had attacked {Syria:SYR}.",
		"{Iraq:IRQ} welcomed the decision by {Syria:SYR} to release prisoners.",
		"{Iraq:IRQ} announced that it will withdraw its troops from {Syria:SYR}.",
		"{Iraq:IRQ} refused to meet {Syria:SYR}'s envoy.",
		"{Iraq:IRQ} warned {Syria:SYR} against any attack.",
		"{Iraq:IRQ} protested to {Syria:SYR} over the border incident.",
		"{Iraq:IRQ} offered to mediate between {Syria:SYR} and {Turkey:TUR}.",
		"{Iraq:IRQ} closed its border with {Syria:SYR}.",
		"{Iraq:IRQ} has agreed to allow {UN inspectors:IGOUNO} into the country.",
		"{Iraq:IRQ} pledged $10 million to {Syria:SYR}.",
		"{Iraqi troops:IRQMIL} seized a town from {Syrian rebels:SYRREB}.",
		"{Iraq:IRQ} accused {Syria:SYR} of supporting terrorism.",
		"{Iraq:IRQ} hosted {Syrian President Assad:SYRGOV} in Baghdad.",
		"{Iraq:IRQ} called for an end to the violence in {Syria:SYR}.",
		"{Iraq:IRQ} appealed to {Syria:SYR} for help.",
	} {
		s := sent(t, txt)
		evs := c.Code(s, nil)
		out := ""
		for _, e := range evs {
			out += " [" + e.Verb + " " + e.SentenceType() + " " + e.Cameo + " " + e.Status + " " + e.Source.Code + ">" + e.Target.Code + "]"
		}
		t.Logf("%-70s %s", txt, out)
	}
}
