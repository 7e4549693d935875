package dev.marquee.infra.config;

/** Encryption at rest of the lake bucket ({@code -c lakeEncryption=...}). */
public enum LakeEncryption {
    /** SSE-S3 (no key to pay for or grant). The default. */
    S3,
    /** SSE-KMS with a customer-managed key (rotation on, bucket key on); grants follow the bucket grants. */
    KMS
}
