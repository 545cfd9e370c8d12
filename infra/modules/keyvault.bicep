@description('Key Vault name (3–24 letters, digits and hyphens).')
param name string

@description('Azure region.')
param location string

@description('Tags every resource carries.')
param tags object

@secure()
@description('The secret API Management adds to every request it forwards; the app compares it in constant time.')
param gatewaySecret string

@description('The Function App\'s identity: it reads the secret through a Key Vault reference.')
param appPrincipalId string

// Key Vault Secrets User
var secretsUser = '4633458b-17de-408a-b874-0445c86b69e6'

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

resource secret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'gateway-secret'
  properties: { value: gatewaySecret }
}

resource appReadsSecret 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: secret
  name: guid(secret.id, appPrincipalId, secretsUser)
  properties: {
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', secretsUser)
  }
}

output name string = vault.name
output gatewaySecretUri string = secret.properties.secretUri
