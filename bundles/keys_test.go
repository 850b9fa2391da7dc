package bundles

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"encoding/pem"
	"os"
	"strings"
	"testing"

	cbundle "github.com/sigstore/cosign/v2/pkg/cosign/bundle"
	protobundle "github.com/sigstore/protobuf-specs/gen/pb-go/bundle/v1"
	"github.com/sigstore/sigstore/pkg/cryptoutils"
	sigdsse "github.com/sigstore/sigstore/pkg/signature/dsse"
	"google.golang.org/protobuf/encoding/protojson"
)

func TestGenerateAndLoadKeys(t *testing.T) {
	kp, err := GenerateKeyPair([]byte("s3cret"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(kp.Private, []byte("-----BEGIN ENCRYPTED SIGSTORE PRIVATE KEY-----")) {
		t.Errorf("private key is not in cosign's encrypted format:\n%s", kp.Private)
	}
	if bytes.Contains(kp.Private, []byte("s3cret")) {
		t.Error("the password appears in the private key file")
	}
	sv, err := LoadPrivateKey("k.key", kp.Private, []byte("s3cret"))
	if err != nil {
		t.Fatal(err)
	}
	v, err := LoadPublicKey("k.pub", kp.Public)
	if err != nil {
		t.Fatal(err)
	}
	env, _, err := signStatement(context.Background(), sv, []byte(`{"x":1}`))
	if err != nil {
		t.Fatal(err)
	}
	if err := sigdsse.WrapVerifier(v).VerifySignature(bytes.NewReader(env), nil); err != nil {
		t.Errorf("a signature by the new private key does not verify with the new public key: %v", err)
	}
	if _, err := LoadPrivateKey("k.key", kp.Private, []byte("other")); err == nil {
		t.Error("the key loads with the wrong password")
	}
}

func TestLoadPrivateKeyErrors(t *testing.T) {
	good, err := os.ReadFile("../testdata/keys/annexa-test.key")
	if err != nil {
		t.Fatal(err)
	}
	ec, err := ecdsa.GenerateKey(elliptic.P384(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	der, err := x509.MarshalPKCS8PrivateKey(ec)
	if err != nil {
		t.Fatal(err)
	}
	plain := pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der})
	tests := []struct {
		name     string
		pem      []byte
		password string
		want     string
	}{
		{"wrong password", good, "not-the-password", "k.key: cannot decrypt it: wrong password (COSIGN_PASSWORD)?"},
		{"not PEM", []byte("hello"), testPassword, "k.key: not a PEM file"},
		{"unencrypted key", plain, testPassword, `k.key: is a "PRIVATE KEY" PEM block; expected an encrypted cosign key`},
		{"public key given", readFile(t, "../testdata/keys/annexa-test.pub"), testPassword, `is a "PUBLIC KEY" PEM block`},
	}
	for _, tt := range tests {
		_, err := LoadPrivateKey("k.key", tt.pem, []byte(tt.password))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want %q", tt.name, err, tt.want)
		}
	}
}

func TestLoadPublicKeyErrors(t *testing.T) {
	ec, err := ecdsa.GenerateKey(elliptic.P384(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	p384, err := cryptoutils.MarshalPublicKeyToPEM(ec.Public())
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		pem  []byte
		want string
	}{
		{"P-384", p384, "k.pub: is an ECDSA P-384 key; annexa signs and verifies with ECDSA P-256 keys"},
		{"garbage", []byte("not a key"), "k.pub: not a PEM public key"},
		{"private key", readFile(t, "../testdata/keys/annexa-test.key"), "k.pub: not a PEM public key"},
	}
	for _, tt := range tests {
		_, err := LoadPublicKey("k.pub", tt.pem)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want %q", tt.name, err, tt.want)
		}
	}
}

// TestCosignGeneratedKeySigns: a key pair made by `cosign generate-key-pair`
// signs bundles that verify with its public key.
func TestCosignGeneratedKeySigns(t *testing.T) {
	raw := writeBundle(t, evidence(t, effective), loadSigner(t, "cosign-test"))
	if _, err := Verify(context.Background(), mustRead(t, raw), loadVerifier(t, "cosign-test"), VerifyOptions{Now: effective}); err != nil {
		t.Fatal(err)
	}
}

// TestKeyHintMatchesCosign: the hint annexa writes is the one cosign's own
// bundle code computes for the key.
func TestKeyHintMatchesCosign(t *testing.T) {
	sv := loadSigner(t, "cosign-test")
	pub, err := sv.PublicKey()
	if err != nil {
		t.Fatal(err)
	}
	pubPEM, err := cryptoutils.MarshalPublicKeyToPEM(pub)
	if err != nil {
		t.Fatal(err)
	}
	env, ours, err := signStatement(context.Background(), sv, []byte(`{"x":1}`))
	if err != nil {
		t.Fatal(err)
	}
	theirs, err := cbundle.MakeNewBundle(pub, nil, []byte(`{"x":1}`), env, pubPEM, nil)
	if err != nil {
		t.Fatal(err)
	}
	hint := func(b []byte) string {
		var pb protobundle.Bundle
		if err := protojson.Unmarshal(b, &pb); err != nil {
			t.Fatal(err)
		}
		return pb.GetVerificationMaterial().GetPublicKey().GetHint()
	}
	if hint(ours) == "" || hint(ours) != hint(theirs) {
		t.Errorf("hint %q, cosign computes %q", hint(ours), hint(theirs))
	}
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
