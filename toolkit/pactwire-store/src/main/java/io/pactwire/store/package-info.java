/**
 * The contract store and the deploy gate: which consumer versions published which pacts, which
 * provider versions verified them, what is deployed where, and whether a version can be deployed.
 *
 * <p>{@link io.pactwire.store.ContractStore} is the one interface the commands talk to; {@link
 * io.pactwire.store.FileContractStore} keeps the store as plain JSON files fit for git.
 *
 * @since 0.1.0
 */
package io.pactwire.store;
