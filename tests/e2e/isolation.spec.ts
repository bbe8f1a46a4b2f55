// Two people signed in at the same time in two browsers: neither sees nor changes the other's data.
import type { Page } from "@playwright/test";
import { expect, showAllItems, signInWithApi, test } from "./fixtures";

const positionOf = (page: Page) => page.getByRole("region", { name: "Your position on the ladder" }).locator("[aria-live]");
const statusOf = (page: Page, title: string) => page.getByRole("group", { name: `Status of ${title}`, exact: true });

async function clickStatus(page: Page, title: string, status: string) {
  await statusOf(page, title).getByText(status, { exact: true }).click();
  await expect(statusOf(page, title).getByRole("radio", { name: status, exact: true })).toBeChecked();
}

test("two people at once in two browser contexts: neither sees or changes the other's data", async ({ browser, page, makeAccount }) => {
  const ada = await makeAccount({ name: "Ada Lovelace" });
  const grace = await makeAccount({ name: "Grace Hopper" });
  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  try {
    expect(await signInWithApi(page.request, ada)).toBe(true);
    expect(await signInWithApi(other.request, grace)).toBe(true);
    await Promise.all([page.goto("/dashboard"), other.goto("/dashboard")]);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ada Lovelace's dashboard");
    await expect(other.getByRole("heading", { level: 1 })).toHaveText("Grace Hopper's dashboard");

    // Both work on the same items at the same moment, with different answers.
    await Promise.all([
      (async () => {
        await clickStatus(page, "Earn a Bachelor's Degree", "Done");
        await clickStatus(page, "Gain Practical Experience", "Done");
        await clickStatus(page, "Build a Network", "In progress");
      })(),
      (async () => {
        await clickStatus(other, "Earn a Bachelor's Degree", "Skipped");
        await clickStatus(other, "Gain Practical Experience", "In progress");
      })(),
    ]);
    await expect(positionOf(page)).toContainText("You are Junior Machine Learning Engineer");
    await expect(positionOf(other)).toContainText("You are Aspiring MLE");

    // Ada adds a certification of her own.
    await page.getByText("Add a certification of your own").click();
    await page.getByLabel("Title").fill("Ada's Analytical Engine Certificate");
    await page.getByLabel("Issuer").fill("Babbage Institute");
    await page.getByRole("button", { name: "Add certification" }).click();
    await expect(page.getByText('Added "Ada\'s Analytical Engine Certificate".')).toBeVisible();
    const adaCertifications = (await (await page.request.get("/api/certifications")).json()) as { certifications: { id: string }[] };
    const adaCertId = adaCertifications.certifications[0]?.id as string;
    expect(adaCertId).toBeTruthy();

    // After fresh loads each sees only their own answers.
    await Promise.all([page.reload(), other.reload()]);
    await Promise.all([showAllItems(page), showAllItems(other)]);
    await expect(statusOf(page, "Earn a Bachelor's Degree").getByRole("radio", { name: "Done", exact: true })).toBeChecked();
    await expect(statusOf(other, "Earn a Bachelor's Degree").getByRole("radio", { name: "Skipped", exact: true })).toBeChecked();
    await expect(statusOf(other, "Build a Network").getByRole("radio", { name: "To do", exact: true })).toBeChecked();
    await expect(page.getByRole("heading", { name: /Ada's Analytical Engine Certificate/ })).toBeVisible();
    await expect(other.getByText(/Analytical Engine/)).toHaveCount(0);
    await expect(positionOf(other)).toContainText("You are Aspiring MLE");

    // Grace's browser cannot reach Ada's certification, nor see it in her export or history.
    const write = await other.request.put(`/api/progress/${adaCertId}`, { data: { status: "done" } });
    expect(write.status()).toBe(404);
    const exported = await (await other.request.get("/api/export")).text();
    expect(exported).not.toContain("Analytical Engine");
    expect(exported).not.toContain(ada.email);
    await other.goto("/history");
    await expect(other.getByRole("heading", { level: 1 })).toHaveText("Your history");
    await expect(other.getByText(/Analytical Engine/)).toHaveCount(0);
    await expect(other.getByText("Build a Network")).toHaveCount(0);

    // …and Ada's data is exactly as she left it.
    const adaProgress = (await (await page.request.get("/api/progress")).json()) as { items: { itemId: string; status: string }[] };
    const byId = new Map(adaProgress.items.map((i) => [i.itemId, i.status]));
    expect(byId.get("earn-bachelors-degree")).toBe("done");
    expect(byId.get("gain-practical-experience")).toBe("done");
    expect(byId.get("build-a-network")).toBe("in_progress");
    expect(byId.get(adaCertId)).toBe("done");
    await page.goto("/ladder");
    await expect(page.getByText("You are Junior Machine Learning Engineer.", { exact: true })).toBeVisible();
    await other.goto("/ladder");
    await expect(other.getByText("You are Aspiring MLE.", { exact: true })).toBeVisible();
  } finally {
    await otherContext.close();
  }
});
