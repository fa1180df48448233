/**
 * The organization's contact policy: how often one phone number may be called across all of the
 * organization's campaigns, enforced when customers are selected and again when calls are dialed.
 */
package io.agentcalls.contact;
