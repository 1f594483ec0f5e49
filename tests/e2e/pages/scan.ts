import { expect, type Page } from '@playwright/test';

// Issue 18: a material's scans — the 扫描 dialog at the window and the pages on the case page.

export function scanDialog(page: Page) {
  const dialog = page.getByRole('dialog', { name: /^扫描材料：/ });
  const locators = {
    dialog,
    openFor: (materialId: string) => page.getByTestId(`scan-${materialId}`),
    preview: dialog.getByTestId('scan-preview'),
    capture: dialog.getByTestId('scan-capture'),
    cropArea: dialog.getByTestId('crop-area'),
    corner: (i: 0 | 1 | 2 | 3) => dialog.getByTestId(`crop-corner-${i}`),
    found: dialog.getByText('已自动找到纸张'),
    confirmCrop: dialog.getByTestId('crop-confirm'),
    tiles: dialog.getByTestId('page-tile'),
    thumbs: dialog.getByTestId('page-thumb'),
    errors: dialog.getByTestId('scan-error'),
    files: dialog.getByTestId('scan-files'),
    save: dialog.getByTestId('scan-save'),
  };
  return {
    locators,
    async open(materialId: string) {
      await locators.openFor(materialId).click();
      await expect(dialog).toBeVisible();
    },
    /** A still from the camera, the corners placed on it: waits until the crop step shows. */
    async capture() {
      await expect(locators.capture).toBeEnabled();
      await locators.capture.click();
      await expect(locators.cropArea).toBeVisible();
    },
    async confirmCrop(pagesAfter: number) {
      await locators.confirmCrop.click();
      await expect(locators.cropArea).toBeHidden();
      await expect(locators.tiles).toHaveCount(pagesAfter);
    },
    async save() {
      await locators.save.click();
      await expect(dialog).toBeHidden();
    },
  };
}

/** A material's pages where the case is read: thumbnails, each opening the full page. */
export function materialScans(page: Page, materialId: string) {
  const cell = page.getByTestId(`scans-${materialId}`);
  const viewer = page.getByTestId('page-viewer');
  return {
    locators: {
      cell,
      tiles: cell.getByTestId('page-tile'),
      thumbs: cell.getByTestId('page-thumb'),
      viewer,
      viewerImage: viewer.locator('img'),
      zoom: viewer.getByTestId('page-zoom'),
      zoomIn: viewer.getByRole('button', { name: /放大/ }),
    },
    /** the sha256 of each page, in order */
    async hashes(): Promise<string[]> {
      return cell
        .getByTestId('page-tile')
        .evaluateAll((tiles) => tiles.map((t) => t.getAttribute('data-sha256') ?? ''));
    },
    /** every thumbnail drawn: the image decoded, not a broken icon */
    async thumbnailsDrawn(n: number) {
      await expect(cell.getByTestId('page-thumb')).toHaveCount(n);
      await expect
        .poll(() =>
          cell
            .getByTestId('page-thumb')
            .evaluateAll((imgs) =>
              imgs.every(
                (i) => (i as HTMLImageElement).complete && (i as HTMLImageElement).naturalWidth > 0,
              ),
            ),
        )
        .toBe(true);
    },
  };
}
