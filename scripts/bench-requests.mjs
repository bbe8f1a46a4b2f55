// The signed-in requests autocannon sends to Ladder's measured routes: one definition for
// `npm run bench` (scripts/bench.mjs) and scripts/cpu-per-request.mjs.

const STATUSES = ["todo", "in_progress", "done", "skipped"];
const pick = (items) => items[Math.floor(Math.random() * items.length)];

/**
 * `sessions`: [{cookie, itemIds}] of seeded people; `base`: Ladder's origin (the Origin
 * header a browser sends with a write). Keys name the routes as scripts/bench-report.mjs does.
 */
export function ladderRequests(sessions, base) {
  const signedIn = (req) => {
    req.headers.cookie = pick(sessions).cookie;
    return req;
  };
  return {
    ladder: { method: "GET", path: "/api/ladder", setupRequest: signedIn },
    progress: { method: "GET", path: "/api/progress", setupRequest: signedIn },
    plan: { method: "GET", path: "/api/plan", setupRequest: signedIn },
    put: {
      method: "PUT",
      path: "/api/progress/x",
      // A random person sets a random status on a random item of their checklist, as a
      // browser would send it (same-origin Origin header, JSON body).
      setupRequest: (req) => {
        const session = pick(sessions);
        req.path = `/api/progress/${encodeURIComponent(pick(session.itemIds))}`;
        req.headers.cookie = session.cookie;
        req.headers["content-type"] = "application/json";
        req.headers.origin = base;
        req.body = JSON.stringify({ status: pick(STATUSES) });
        return req;
      },
    },
    dashboard: { method: "GET", path: "/dashboard", setupRequest: signedIn },
  };
}
