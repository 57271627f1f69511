#ifndef HALLDESK_COPENSSL_SHIM_H
#define HALLDESK_COPENSSL_SHIM_H
// The system OpenSSL 3 (libssl-dev): SM3 through EVP for the audit chain, scrypt for passwords.
// Only HallModel/Audit and HallModel/Identity import this module.
#include <openssl/evp.h>
#include <openssl/kdf.h>
#include <openssl/rand.h>
#include <openssl/crypto.h>
#endif
