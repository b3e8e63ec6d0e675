/** The files the page hands to the browser (a download link's click): their names and text (without the byte order mark). */
export function catchDownloads() {
  const files: { name: string; text: Promise<string> }[] = []
  let blob: Blob | null = null
  vi.stubGlobal(
    'URL',
    Object.assign(URL, {
      createObjectURL: (b: Blob) => {
        blob = b
        return 'blob:test'
      },
      revokeObjectURL: () => undefined,
    }),
  )
  const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    files.push({ name: this.download, text: blob!.text().then((t) => t.replace(/^\uFEFF/, '')) })
  })
  onTestFinished(() => {
    click.mockRestore()
    vi.unstubAllGlobals()
  })
  return files
}
