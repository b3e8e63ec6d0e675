import * as Tabs from '@radix-ui/react-tabs'
import { useState, type ReactNode } from 'react'
import { NumberHistory } from '@/features/phone-numbers/components/number-history'
import type { PhoneNumber } from '@/types/api'
import '@/components/ui/tabs.css'

type Tab = 'details' | 'history'

interface NumberDialogTabsProps {
  number: PhoneNumber
  /** The form (or its loading notice): kept mounted while History shows, so nothing typed is lost. */
  details: ReactNode
  onClose: () => void
}

/** The number dialog's two tabs: Details (the form) and History (its changes, read when first shown). */
export function NumberDialogTabs({ number, details, onClose }: NumberDialogTabsProps) {
  const [tab, setTab] = useState<Tab>('details')
  return (
    <Tabs.Root value={tab} onValueChange={(value) => setTab(value as Tab)}>
      <Tabs.List className="tab-list" aria-label="Number">
        <Tabs.Trigger value="details" className="tab">
          Details
        </Tabs.Trigger>
        <Tabs.Trigger value="history" className="tab">
          History
        </Tabs.Trigger>
      </Tabs.List>
      <Tabs.Content value="details" forceMount hidden={tab !== 'details'} tabIndex={-1}>
        {details}
      </Tabs.Content>
      <Tabs.Content value="history" className="dialog-body">
        <NumberHistory number={number} />
        <div className="dialog-footer">
          <button type="button" className="button" onClick={onClose}>
            Close
          </button>
        </div>
      </Tabs.Content>
    </Tabs.Root>
  )
}
