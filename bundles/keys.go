package bundles

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/pem"
	"errors"
	"fmt"
	"strings"

	"github.com/sigstore/cosign/v2/pkg/cosign"
	"github.com/sigstore/sigstore/pkg/cryptoutils"
	"github.com/sigstore/sigstore/pkg/signature"
)

// KeyPair is a cosign key pair: the PEM private key, encrypted with the
// password exactly as `cosign generate-key-pair` encrypts it (scrypt and
// NaCl secretbox), and the PEM public key.
type KeyPair struct {
	Private []byte
	Public  []byte
}

// GenerateKeyPair makes a new ECDSA P-256 key pair with cosign's own code,
// so cosign reads the result and annexa reads cosign's.
func GenerateKeyPair(password []byte) (*KeyPair, error) {
	kb, err := cosign.GenerateKeyPair(func(bool) ([]byte, error) { return password, nil })
	if err != nil {
		return nil, fmt.Errorf("generate key pair: %w", err)
	}
	return &KeyPair{Private: kb.PrivateBytes, Public: kb.PublicBytes}, nil
}

// LoadPrivateKey decrypts a cosign private key (from annexa keygen or
// cosign generate-key-pair). annexa signs with ECDSA P-256 only, the key
// type cosign generates by default and verifies with SHA-256.
func LoadPrivateKey(file string, pemBytes, password []byte) (signature.SignerVerifier, error) {
	block, _ := pem.Decode(pemBytes)
	if block == nil {
		return nil, fmt.Errorf("private key %s: not a PEM file", file)
	}
	if block.Type != cosign.SigstorePrivateKeyPemType && block.Type != cosign.CosignPrivateKeyPemType {
		return nil, fmt.Errorf("private key %s: is a %q PEM block; expected an encrypted cosign key (annexa keygen or cosign generate-key-pair)", file, block.Type)
	}
	sv, err := cosign.LoadPrivateKey(pemBytes, password, nil)
	if err != nil {
		if strings.HasPrefix(err.Error(), "decrypt") {
			return nil, fmt.Errorf("private key %s: cannot decrypt it: wrong password (COSIGN_PASSWORD)?", file)
		}
		return nil, fmt.Errorf("private key %s: %w", file, err)
	}
	pub, err := sv.PublicKey()
	if err != nil {
		return nil, fmt.Errorf("private key %s: %w", file, err)
	}
	if err := checkP256(pub); err != nil {
		return nil, fmt.Errorf("private key %s: %w", file, err)
	}
	return sv, nil
}

// LoadPublicKey parses a PEM public key (cosign.pub) into a verifier.
func LoadPublicKey(file string, pemBytes []byte) (signature.Verifier, error) {
	pub, err := cryptoutils.UnmarshalPEMToPublicKey(pemBytes)
	if err != nil {
		return nil, fmt.Errorf("public key %s: not a PEM public key: %w", file, err)
	}
	if err := checkP256(pub); err != nil {
		return nil, fmt.Errorf("public key %s: %w", file, err)
	}
	v, err := signature.LoadVerifier(pub, crypto.SHA256)
	if err != nil {
		return nil, fmt.Errorf("public key %s: %w", file, err)
	}
	return v, nil
}

func checkP256(pub crypto.PublicKey) error {
	ec, ok := pub.(*ecdsa.PublicKey)
	if !ok {
		return fmt.Errorf("is a %T key; annexa signs and verifies with ECDSA P-256 keys (cosign's default)", pub)
	}
	if ec.Curve != elliptic.P256() {
		return fmt.Errorf("is an ECDSA %s key; annexa signs and verifies with ECDSA P-256 keys (cosign's default)", ec.Curve.Params().Name)
	}
	return nil
}

// KeyHint is how sigstore bundles name a public key: the standard base64
// of the SHA-256 of its DER (PKIX) encoding, as cosign computes it.
func KeyHint(pub crypto.PublicKey) (string, error) {
	der, err := x509.MarshalPKIXPublicKey(pub)
	if err != nil {
		return "", fmt.Errorf("encode public key: %w", err)
	}
	sum := sha256.Sum256(der)
	return base64.StdEncoding.EncodeToString(sum[:]), nil
}

// hintOf is the key hint of a signer's or verifier's public key.
func hintOf(k interface {
	PublicKey(...signature.PublicKeyOption) (crypto.PublicKey, error)
}) (string, error) {
	pub, err := k.PublicKey()
	if err != nil {
		return "", err
	}
	if pub == nil {
		return "", errors.New("no public key")
	}
	return KeyHint(pub)
}
