package bundles

import (
	"encoding/base64"
	"encoding/json"
	"fmt"

	"github.com/secure-systems-lab/go-securesystemslib/dsse"
	sgbundle "github.com/sigstore/sigstore-go/pkg/bundle"
)

// Inspection is what a bundle says about itself. Nothing in it is
// verified: anyone can write any of it.
type Inspection struct {
	// KeyHint is the signing key's hint from the sigstore bundle.
	KeyHint string
	// PredicateType is the statement's predicate type.
	PredicateType string
	// Predicate is the run metadata and summary.
	Predicate *Predicate
	// Subjects are the files the statement names, with their digests.
	Subjects []FileInfo
	// Files lists the archive's entries in order.
	Files []string
}

// Inspect reads the statement of a bundle without checking any signature
// or digest, to show who claims to have signed what.
func Inspect(a *Archive) (*Inspection, error) {
	in := &Inspection{Files: a.Order}
	var payload []byte
	if raw, ok := a.Files[FileSigstore]; ok {
		sb := &sgbundle.Bundle{}
		if err := sb.UnmarshalJSON(raw); err != nil {
			return nil, fmt.Errorf("%s: %w", FileSigstore, err)
		}
		in.KeyHint = sb.GetVerificationMaterial().GetPublicKey().GetHint()
		payload = sb.GetDsseEnvelope().GetPayload()
	}
	if payload == nil {
		raw, ok := a.Files[FileDSSE]
		if !ok {
			return nil, fmt.Errorf("neither %s nor %s is in the bundle", FileSigstore, FileDSSE)
		}
		var env dsse.Envelope
		if err := json.Unmarshal(raw, &env); err != nil {
			return nil, fmt.Errorf("%s: %w", FileDSSE, err)
		}
		p, err := base64.StdEncoding.DecodeString(env.Payload)
		if err != nil {
			return nil, fmt.Errorf("%s: payload: %w", FileDSSE, err)
		}
		payload = p
	}
	st, pred, err := parseStatement(payload)
	if err != nil {
		return nil, err
	}
	in.PredicateType = st.GetPredicateType()
	in.Predicate = pred
	for _, s := range st.GetSubject() {
		in.Subjects = append(in.Subjects, FileInfo{Path: s.GetName(), SHA256: s.GetDigest()["sha256"], Size: int64(len(a.Files[s.GetName()]))})
	}
	return in, nil
}
