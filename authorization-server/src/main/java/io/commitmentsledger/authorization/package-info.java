/** The local stack's OAuth 2.0 issuer: client-credentials tokens that name an agency and its roles. */
@NullMarked
package io.commitmentsledger.authorization;

import org.jspecify.annotations.NullMarked;
