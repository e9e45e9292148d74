// Choosing files the keyboard way, for the specs that upload.

/** Open the file chooser with the keyboard (focus the button, Enter) and choose `files`. */
export async function chooseFiles(page, buttonName, files) {
  const button = page.getByRole("button", { name: buttonName });
  await button.focus();
  const chooser = page.waitForEvent("filechooser");
  await page.evaluate(() => 0); // the chooser is intercepted from here on (the press alone could race it)
  await page.keyboard.press("Enter");
  await (await chooser).setFiles(files);
}
