package story

import "testing"

// TestCompareSameQuoteDifferentFrame: two outlets carry the same quotation
// in sentences framed differently; the comparison counts it as one claim
// carried by both, and a different quotation stays apart.
func TestCompareSameQuoteDifferentFrame(t *testing.T) {
	docs := []Doc{
		{ID: 1, Outlet: "Meridian Wire", Title: "Harbour chair backs night ferries",
			Text: "“We want to see the night ferries begin as soon as the pier is ready,” harbour chair Ailsa Brodie told reporters when asked about the fishermen's protest on the quay. The fishermen say the ferries will disturb the catch."},
		{ID: 2, Outlet: "Coastal Herald", Title: "Night ferries to start when pier is ready",
			Text: "\"We want to see night ferries begin as soon as the pier is ready,\" Brodie said during a visit to the harbour office in Port Ellen. The council has not yet voted on the budget."},
	}
	c := Compare(docs)
	var shared, budget bool
	for _, cl := range c.Claims {
		if len(cl.Outlets) == 2 && !cl.Unique {
			shared = true
		}
		if cl.Unique && len(cl.Outlets) == 1 && cl.Outlets[0] == "Coastal Herald" && len(cl.Citations) == 1 && cl.Citations[0].Sentence == 1 {
			budget = true
		}
	}
	if !shared {
		t.Errorf("the same quotation is not one shared claim: %+v", c.Claims)
	}
	if !budget {
		t.Errorf("the budget sentence should stay exclusive to one outlet: %+v", c.Claims)
	}
	if quoteWords("He said “yes” and left.") != nil {
		t.Errorf("a one-word quotation must not count")
	}
}
