// Package domclone copies an HTML tree the way github.com/go-shiori/dom's
// Clone(src, true) does — type, atom, data and attributes of every node;
// not the namespace, as upstream — with all nodes in one allocation and all
// attributes in another, instead of one allocation per node and per
// attribute list.
//
// sitrep's own package (not upstream code), used by the patched copies of
// go-trafilatura and go-readability for their whole-page copies.
package domclone

import "golang.org/x/net/html"

// Deep returns a deep copy of src, detached (no parent or siblings).
// Each copied node's Attr is a slice of its own (capacity equal to its
// length, so an append never writes over a neighbour's attributes), empty
// and non-nil where src has none, as dom.Clone's.
func Deep(src *html.Node) *html.Node {
	var nodes, attrs int
	count(src, &nodes, &attrs)
	c := cloner{nodes: make([]html.Node, nodes), attrs: make([]html.Attribute, attrs)}
	return c.copy(src)
}

func count(n *html.Node, nodes, attrs *int) {
	*nodes++
	*attrs += len(n.Attr)
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		count(ch, nodes, attrs)
	}
}

type cloner struct {
	nodes []html.Node
	attrs []html.Attribute
}

func (c *cloner) copy(src *html.Node) *html.Node {
	n := &c.nodes[0]
	c.nodes = c.nodes[1:]
	k := len(src.Attr)
	a := c.attrs[:k:k]
	copy(a, src.Attr)
	c.attrs = c.attrs[k:]
	n.Type, n.DataAtom, n.Data, n.Attr = src.Type, src.DataAtom, src.Data, a
	var last *html.Node
	for ch := src.FirstChild; ch != nil; ch = ch.NextSibling {
		cc := c.copy(ch)
		cc.Parent = n
		if last == nil {
			n.FirstChild = cc
		} else {
			last.NextSibling, cc.PrevSibling = cc, last
		}
		last = cc
	}
	n.LastChild = last
	return n
}
