package bundles

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"time"

	intoto "github.com/in-toto/attestation/go/v1"
	"github.com/secure-systems-lab/go-securesystemslib/dsse"
	protobundle "github.com/sigstore/protobuf-specs/gen/pb-go/bundle/v1"
	protocommon "github.com/sigstore/protobuf-specs/gen/pb-go/common/v1"
	protodsse "github.com/sigstore/protobuf-specs/gen/pb-go/dsse"
	sgbundle "github.com/sigstore/sigstore-go/pkg/bundle"
	"github.com/sigstore/sigstore-go/pkg/root"
	sgverify "github.com/sigstore/sigstore-go/pkg/verify"
	"github.com/sigstore/sigstore/pkg/signature"
	sigdsse "github.com/sigstore/sigstore/pkg/signature/dsse"
	"github.com/sigstore/sigstore/pkg/signature/options"
	"google.golang.org/protobuf/encoding/protojson"
	"google.golang.org/protobuf/types/known/structpb"
)

// newStatement is the in-toto v1 statement with one subject per file.
func newStatement(subjects []FileInfo, pred *Predicate) ([]byte, error) {
	st := &intoto.Statement{
		Type:          intoto.StatementTypeUri,
		PredicateType: PredicateType,
	}
	for _, f := range subjects {
		st.Subject = append(st.Subject, &intoto.ResourceDescriptor{
			Name:   f.Path,
			Digest: map[string]string{"sha256": f.SHA256},
		})
	}
	pm, err := toMap(pred)
	if err != nil {
		return nil, fmt.Errorf("encode predicate: %w", err)
	}
	if st.Predicate, err = structpb.NewStruct(pm); err != nil {
		return nil, fmt.Errorf("encode predicate: %w", err)
	}
	if err := st.Validate(); err != nil {
		return nil, fmt.Errorf("in-toto statement: %w", err)
	}
	raw, err := protojson.Marshal(st)
	if err != nil {
		return nil, fmt.Errorf("encode in-toto statement: %w", err)
	}
	// protojson varies its whitespace on purpose; compact it so the same
	// statement is always the same bytes.
	var buf bytes.Buffer
	if err := json.Compact(&buf, raw); err != nil {
		return nil, fmt.Errorf("encode in-toto statement: %w", err)
	}
	return buf.Bytes(), nil
}

// signStatement signs payload as a DSSE envelope and returns it both plain
// and wrapped in a sigstore bundle v0.3 that names the key by its hint and
// has no transparency log entries (the bundle is verified offline, against
// a key the auditor holds).
func signStatement(ctx context.Context, signer signature.Signer, payload []byte) (envelope, sigstoreBundle []byte, err error) {
	hint, err := hintOf(signer)
	if err != nil {
		return nil, nil, fmt.Errorf("signing key: %w", err)
	}
	envelope, err = sigdsse.WrapSigner(signer, PayloadType).SignMessage(bytes.NewReader(payload), options.WithContext(ctx))
	if err != nil {
		return nil, nil, fmt.Errorf("sign statement: %w", err)
	}
	var env dsse.Envelope
	if err := json.Unmarshal(envelope, &env); err != nil || len(env.Signatures) != 1 {
		return nil, nil, fmt.Errorf("sign statement: unexpected DSSE envelope: %v", err)
	}
	sig, err := base64.StdEncoding.DecodeString(env.Signatures[0].Sig)
	if err != nil {
		return nil, nil, fmt.Errorf("sign statement: %w", err)
	}
	pb := &protobundle.Bundle{
		MediaType: SigstoreBundleMedia,
		VerificationMaterial: &protobundle.VerificationMaterial{
			Content: &protobundle.VerificationMaterial_PublicKey{PublicKey: &protocommon.PublicKeyIdentifier{Hint: hint}},
		},
		Content: &protobundle.Bundle_DsseEnvelope{DsseEnvelope: &protodsse.Envelope{
			Payload:     payload,
			PayloadType: PayloadType,
			Signatures:  []*protodsse.Signature{{Sig: sig}},
		}},
	}
	// NewBundle applies sigstore-go's own checks, the ones cosign applies
	// when it loads the file.
	if _, err := sgbundle.NewBundle(pb); err != nil {
		return nil, nil, fmt.Errorf("sigstore bundle: %w", err)
	}
	sigstoreBundle, err = protojson.MarshalOptions{Multiline: true, Indent: "  "}.Marshal(pb)
	if err != nil {
		return nil, nil, fmt.Errorf("encode sigstore bundle: %w", err)
	}
	return append(envelope, '\n'), append(sigstoreBundle, '\n'), nil
}

// signedStatement is a statement whose signature checked out.
type signedStatement struct {
	statement *intoto.Statement
	predicate *Predicate
}

// verifySignature checks both signature files against key: the plain DSSE
// envelope with sigstore's DSSE verifier, the sigstore bundle with
// sigstore-go's verifier (as cosign does), and that both carry the same
// statement. The statement must be in-toto v1 with annexa's predicate type.
func verifySignature(a *Archive, key signature.Verifier, keyName string) (*signedStatement, error) {
	keyHint, err := hintOf(key)
	if err != nil {
		return nil, fmt.Errorf("key %s: %w", keyName, err)
	}
	rawEnv, ok := a.Files[FileDSSE]
	if !ok {
		return nil, failed("%s is missing: the bundle carries no DSSE signature", FileDSSE)
	}
	rawBundle, ok := a.Files[FileSigstore]
	if !ok {
		return nil, failed("%s is missing: the bundle carries no sigstore bundle", FileSigstore)
	}
	var env dsse.Envelope
	if err := json.Unmarshal(rawEnv, &env); err != nil {
		return nil, failed("%s is not a DSSE envelope: %v", FileDSSE, err)
	}
	sb := &sgbundle.Bundle{}
	if err := sb.UnmarshalJSON(rawBundle); err != nil {
		return nil, failed("%s is not a valid sigstore bundle: %v", FileSigstore, err)
	}
	if sb.GetMediaType() != SigstoreBundleMedia {
		return nil, failed("%s has media type %q, want %q", FileSigstore, sb.GetMediaType(), SigstoreBundleMedia)
	}
	hint := sb.GetVerificationMaterial().GetPublicKey().GetHint()
	signerIs := ""
	if hint != "" && hint != keyHint {
		signerIs = fmt.Sprintf("; the bundle was signed by the key with hint %s, %s has hint %s", hint, keyName, keyHint)
	}
	if env.PayloadType != PayloadType {
		return nil, failed("%s has payload type %q, want %q", FileDSSE, env.PayloadType, PayloadType)
	}
	if err := sigdsse.WrapVerifier(key).VerifySignature(bytes.NewReader(rawEnv), nil); err != nil {
		return nil, failed("%s: signature does not verify with %s%s", FileDSSE, keyName, signerIs)
	}
	material := root.NewTrustedPublicKeyMaterial(func(string) (root.TimeConstrainedVerifier, error) {
		return root.NewExpiringKey(key, time.Time{}, time.Time{}), nil
	})
	v, err := sgverify.NewVerifier(material, sgverify.WithNoObserverTimestamps())
	if err != nil {
		return nil, fmt.Errorf("sigstore verifier: %w", err)
	}
	if _, err := v.Verify(sb, sgverify.NewPolicy(sgverify.WithoutArtifactUnsafe(), sgverify.WithKey())); err != nil {
		return nil, failed("%s: signature does not verify with %s%s: %v", FileSigstore, keyName, signerIs, err)
	}
	payload, err := base64.StdEncoding.DecodeString(env.Payload)
	if err != nil {
		return nil, failed("%s: payload is not base64: %v", FileDSSE, err)
	}
	bundled := sb.GetDsseEnvelope()
	if !bytes.Equal(bundled.GetPayload(), payload) || bundled.GetPayloadType() != env.PayloadType {
		return nil, failed("%s and %s carry different statements", FileDSSE, FileSigstore)
	}
	st, pred, err := parseStatement(payload)
	if err != nil {
		return nil, err
	}
	return &signedStatement{statement: st, predicate: pred}, nil
}

// parseStatement reads an in-toto v1 statement with annexa's predicate.
func parseStatement(payload []byte) (*intoto.Statement, *Predicate, error) {
	var st intoto.Statement
	if err := protojson.Unmarshal(payload, &st); err != nil {
		return nil, nil, failed("the signed payload is not an in-toto statement: %v", err)
	}
	if st.GetType() != intoto.StatementTypeUri {
		return nil, nil, failed("the signed statement has type %q, want %q", st.GetType(), intoto.StatementTypeUri)
	}
	if err := st.Validate(); err != nil {
		return nil, nil, failed("the signed statement is not valid in-toto: %v", err)
	}
	if st.GetPredicateType() != PredicateType {
		return nil, nil, failed("the signed statement has predicate type %q, want %q", st.GetPredicateType(), PredicateType)
	}
	raw, err := protojson.Marshal(st.GetPredicate())
	if err != nil {
		return nil, nil, failed("the signed predicate cannot be read: %v", err)
	}
	var pred Predicate
	if err := json.Unmarshal(raw, &pred); err != nil {
		return nil, nil, failed("the signed predicate is not annexa's: %v", err)
	}
	if pred.Format != Format {
		return nil, nil, failed("the signed predicate has format %q, want %q", pred.Format, Format)
	}
	return &st, &pred, nil
}
