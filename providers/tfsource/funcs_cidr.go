package tfsource

import (
	"fmt"
	"math/big"
	"net/netip"

	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
)

// parseCIDR parses a prefix such as 10.0.0.0/16; host bits may be set, as
// Terraform allows, and are ignored.
func parseCIDR(s string) (netip.Prefix, error) {
	p, err := netip.ParsePrefix(s)
	if err != nil {
		return netip.Prefix{}, fmt.Errorf("invalid CIDR expression: %s", err)
	}
	return p.Masked(), nil
}

func addrInt(a netip.Addr) *big.Int {
	return new(big.Int).SetBytes(a.AsSlice())
}

// intAddr converts n back to an address of the given bit length; ok is
// false when n does not fit.
func intAddr(n *big.Int, bits int) (netip.Addr, bool) {
	if n.Sign() < 0 || n.BitLen() > bits {
		return netip.Addr{}, false
	}
	buf := make([]byte, bits/8)
	n.FillBytes(buf)
	return netip.AddrFromSlice(buf)
}

// wholeNumber converts a cty number to a big integer.
func wholeNumber(v cty.Value, arg int, what string) (*big.Int, error) {
	bf := v.AsBigFloat()
	if !bf.IsInt() {
		return nil, function.NewArgErrorf(arg, "%s must be a whole number", what)
	}
	i, _ := bf.Int(nil)
	return i, nil
}

// smallNumber converts a cty number to an int in [0, 128], the range of
// prefix lengths and extensions.
func smallNumber(v cty.Value, arg int, what string) (int, error) {
	i, err := wholeNumber(v, arg, what)
	if err != nil {
		return 0, err
	}
	if i.Sign() < 0 || i.Cmp(big.NewInt(128)) > 0 {
		return 0, function.NewArgErrorf(arg, "%s must be between 0 and 128", what)
	}
	return int(i.Int64()), nil
}

// subnet returns the netnum'th subnet of p with newbits more prefix bits.
func subnet(p netip.Prefix, newbits int, netnum *big.Int) (netip.Prefix, error) {
	bits := p.Addr().BitLen()
	newLen := p.Bits() + newbits
	if newLen > bits {
		return netip.Prefix{}, fmt.Errorf("insufficient address space to extend prefix of %d by %d", p.Bits(), newbits)
	}
	limit := new(big.Int).Lsh(big.NewInt(1), uint(newbits))
	if netnum.Sign() < 0 || netnum.Cmp(limit) >= 0 {
		return netip.Prefix{}, fmt.Errorf("prefix extension of %d does not accommodate a subnet numbered %s", newbits, netnum)
	}
	n := new(big.Int).Lsh(netnum, uint(bits-newLen))
	n.Or(n, addrInt(p.Addr()))
	a, ok := intAddr(n, bits)
	if !ok {
		return netip.Prefix{}, fmt.Errorf("subnet %s of %s is out of range", netnum, p)
	}
	return netip.PrefixFrom(a, newLen), nil
}

var cidrSubnetFunc = function.New(&function.Spec{
	Params: []function.Parameter{
		{Name: "prefix", Type: cty.String},
		{Name: "newbits", Type: cty.Number},
		{Name: "netnum", Type: cty.Number},
	},
	Type: function.StaticReturnType(cty.String),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		p, err := parseCIDR(args[0].AsString())
		if err != nil {
			return cty.UnknownVal(cty.String), function.NewArgError(0, err)
		}
		newbits, err := smallNumber(args[1], 1, "newbits")
		if err != nil {
			return cty.UnknownVal(cty.String), err
		}
		netnum, err := wholeNumber(args[2], 2, "netnum")
		if err != nil {
			return cty.UnknownVal(cty.String), err
		}
		sub, err := subnet(p, newbits, netnum)
		if err != nil {
			return cty.UnknownVal(cty.String), err
		}
		return cty.StringVal(sub.String()), nil
	},
})

var cidrSubnetsFunc = function.New(&function.Spec{
	Params:   []function.Parameter{{Name: "prefix", Type: cty.String}},
	VarParam: &function.Parameter{Name: "newbits", Type: cty.Number},
	Type:     function.StaticReturnType(cty.List(cty.String)),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		p, err := parseCIDR(args[0].AsString())
		if err != nil {
			return cty.UnknownVal(cty.List(cty.String)), function.NewArgError(0, err)
		}
		if len(args) == 1 {
			return cty.ListValEmpty(cty.String), nil
		}
		bits := p.Addr().BitLen()
		base := addrInt(p.Addr())
		end := new(big.Int).Add(base, new(big.Int).Lsh(big.NewInt(1), uint(bits-p.Bits())))
		next := new(big.Int).Set(base)
		out := make([]cty.Value, 0, len(args)-1)
		for i, a := range args[1:] {
			nb, err := smallNumber(a, i+1, "newbits")
			if err != nil {
				return cty.UnknownVal(cty.List(cty.String)), err
			}
			if nb < 1 {
				return cty.UnknownVal(cty.List(cty.String)), function.NewArgErrorf(i+1, "must extend prefix by at least one bit")
			}
			newLen := p.Bits() + nb
			if newLen > bits {
				return cty.UnknownVal(cty.List(cty.String)), function.NewArgErrorf(i+1, "would extend prefix to %d bits, which is too long for an IPv%d address", newLen, map[int]int{32: 4, 128: 6}[bits])
			}
			size := new(big.Int).Lsh(big.NewInt(1), uint(bits-newLen))
			// Align the next free address to the new subnet's size.
			if rem := new(big.Int).Mod(next, size); rem.Sign() != 0 {
				next.Add(next, new(big.Int).Sub(size, rem))
			}
			stop := new(big.Int).Add(next, size)
			if stop.Cmp(end) > 0 {
				return cty.UnknownVal(cty.List(cty.String)), function.NewArgErrorf(i+1, "not enough remaining address space for a subnet with a prefix of %d bits", newLen)
			}
			addr, ok := intAddr(next, bits)
			if !ok {
				return cty.UnknownVal(cty.List(cty.String)), function.NewArgErrorf(i+1, "subnet out of range")
			}
			out = append(out, cty.StringVal(netip.PrefixFrom(addr, newLen).String()))
			next = stop
		}
		return cty.ListVal(out), nil
	},
})

var cidrHostFunc = function.New(&function.Spec{
	Params: []function.Parameter{
		{Name: "prefix", Type: cty.String},
		{Name: "hostnum", Type: cty.Number},
	},
	Type: function.StaticReturnType(cty.String),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		p, err := parseCIDR(args[0].AsString())
		if err != nil {
			return cty.UnknownVal(cty.String), function.NewArgError(0, err)
		}
		host, err := wholeNumber(args[1], 1, "hostnum")
		if err != nil {
			return cty.UnknownVal(cty.String), err
		}
		bits := p.Addr().BitLen()
		size := new(big.Int).Lsh(big.NewInt(1), uint(bits-p.Bits()))
		n := new(big.Int).Set(host)
		if n.Sign() < 0 {
			n.Add(n, size)
		}
		if n.Sign() < 0 || n.Cmp(size) >= 0 {
			return cty.UnknownVal(cty.String), fmt.Errorf("prefix of %d does not accommodate a host numbered %s", p.Bits(), host)
		}
		n.Add(n, addrInt(p.Addr()))
		a, ok := intAddr(n, bits)
		if !ok {
			return cty.UnknownVal(cty.String), fmt.Errorf("host %s of %s is out of range", host, p)
		}
		return cty.StringVal(a.String()), nil
	},
})

var cidrNetmaskFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "prefix", Type: cty.String}},
	Type:   function.StaticReturnType(cty.String),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		p, err := parseCIDR(args[0].AsString())
		if err != nil {
			return cty.UnknownVal(cty.String), function.NewArgError(0, err)
		}
		if !p.Addr().Is4() {
			return cty.UnknownVal(cty.String), fmt.Errorf("IPv6 addresses cannot have a netmask: %s", args[0].AsString())
		}
		mask := ^uint32(0) << (32 - p.Bits())
		if p.Bits() == 0 {
			mask = 0
		}
		a := netip.AddrFrom4([4]byte{byte(mask >> 24), byte(mask >> 16), byte(mask >> 8), byte(mask)})
		return cty.StringVal(a.String()), nil
	},
})
