/** A campaign's customers (loans or leads): JSON and CSV upserts, queries, and which custom fields exist. */
package io.agentcalls.customer;
