import CRMCommands

CRM.main()
