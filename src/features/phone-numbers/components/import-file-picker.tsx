import { useId, useState, type DragEvent } from 'react'

interface ImportFilePickerProps {
  onFile: (file: File) => void
}

/** A file input and a drop zone around it: either hands the chosen file over. Nothing in it is opened here. */
export function ImportFilePicker({ onFile }: ImportFilePickerProps) {
  const inputId = useId()
  const [dragging, setDragging] = useState(false)
  const onDrop = (event: DragEvent) => {
    event.preventDefault()
    setDragging(false)
    const file = event.dataTransfer.files[0]
    if (file) onFile(file)
  }
  return (
    <div
      className={`import-drop${dragging ? ' import-drop-active' : ''}`}
      onDragOver={(event) => {
        event.preventDefault()
        setDragging(true)
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <label htmlFor={inputId}>CSV file</label>
      <input
        id={inputId}
        type="file"
        accept=".csv,text/csv,text/plain"
        onChange={(event) => {
          const file = event.target.files?.[0]
          // Cleared, so that choosing the same file again (after fixing it) reads it again.
          event.target.value = ''
          if (file) onFile(file)
        }}
      />
      <p className="muted small">or drop the file here.</p>
    </div>
  )
}
