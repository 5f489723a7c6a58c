/** The ledger's infrastructure for a laptop: real servers from Maven jars, data in one local directory. */
package io.commitmentsledger.local;
