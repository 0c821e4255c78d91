/** A short drag across the middle of the map (the browser benchmarks): nothing changes but the camera. */
import type { Page } from "playwright-core";

export async function dragMap(page: Page): Promise<void> {
  const box = (await page.locator(".graph-canvas").boundingBox())!;
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let k = 1; k <= 4; k++) await page.mouse.move(x + 30 * k, y + 10 * k);
  await page.mouse.up();
}
