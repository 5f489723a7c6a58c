/** Checks that keep deploy/ (Dockerfile, compose file, Kubernetes manifests) in step with the services' configuration. */
@NullMarked
package io.commitmentsledger.deploy;

import org.jspecify.annotations.NullMarked;
