// Run inside a stack task by the TLS check (runbook/in-container.mjs): the status of a plain-HTTP GET
// of URL, redirects not followed.
const res = await fetch(process.env.URL, { redirect: 'manual' });
console.log(res.status);
